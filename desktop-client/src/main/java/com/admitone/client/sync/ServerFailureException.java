package com.admitone.client.sync;

/** The server answered with a 5xx or with something that is not the API's JSON: a server-side bug or outage. */
public final class ServerFailureException extends ServerException {
    private final int status;

    public ServerFailureException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
