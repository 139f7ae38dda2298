package com.admitone.server.storage;

/** The database could not be opened or migrated; the message says why in words an operator can act on. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
