package com.admitone.client.sync;

/** No answer: the network is down, the server is off, or it did not answer within the timeout. */
public final class ServerUnreachableException extends ServerException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
