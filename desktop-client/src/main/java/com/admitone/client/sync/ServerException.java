package com.admitone.client.sync;

/**
 * A call to the server that did not succeed. The three kinds need different handling: unreachable
 * and server failures are worth retrying later (the device goes offline); a problem is the
 * server's considered answer and retrying the same request gets the same answer.
 */
public abstract sealed class ServerException extends RuntimeException
        permits ServerUnreachableException, ServerFailureException, ProblemException {

    ServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same request may well work later. */
    public abstract boolean retryable();
}
