package com.admitone.server.auth;

import com.admitone.model.ticket.DeviceCertificate;

/**
 * A newly enrolled device: its id and secret, shown once, which the device keeps to log staff in,
 * and the certificate of its ticket key when it sent one (absent otherwise).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Enrolment(String deviceId, String deviceSecret, String name, DeviceCertificate certificate) {
}
