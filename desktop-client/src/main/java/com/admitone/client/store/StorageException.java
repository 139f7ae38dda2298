package com.admitone.client.store;

/** The local database cannot be opened, migrated or written; the message is for staff to read. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
