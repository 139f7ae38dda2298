package com.admitone.client.auth;

/** A log-in, PIN or enrolment this device refused by itself (offline); {@code messageKey} names the sentence in the bundle. */
public final class LoginRefusedException extends RuntimeException {
    private final String messageKey;

    public LoginRefusedException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
