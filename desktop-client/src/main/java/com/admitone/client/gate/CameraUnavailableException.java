package com.admitone.client.gate;

/** No camera could be found or opened; the message is a plain sentence for the gate screen. */
public final class CameraUnavailableException extends RuntimeException {
    public CameraUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public CameraUnavailableException(String message) {
        super(message);
    }
}
