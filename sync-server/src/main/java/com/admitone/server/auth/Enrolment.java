package com.admitone.server.auth;

/** A newly enrolled device: its id and secret, shown once, which the device keeps to log staff in. */
public record Enrolment(String deviceId, String deviceSecret, String name) {
}
