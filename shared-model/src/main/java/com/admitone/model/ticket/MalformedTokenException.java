package com.admitone.model.ticket;

/** The scanned text is not an AdmitOne ticket token (unreadable, truncated or of another format). */
public class MalformedTokenException extends Exception {
    public MalformedTokenException(String message) {
        super(message);
    }
}
