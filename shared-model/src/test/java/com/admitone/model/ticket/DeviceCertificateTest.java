package com.admitone.model.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCertificateTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final SigningKey server = SigningKey.generate();
    private final SigningKey device = SigningKey.generate();

    @Test
    void aCertificateTheServerIssuedVerifiesUntilItRunsOut() {
        DeviceCertificate cert = DeviceCertificate.issue(server, "till-1", device.verifyingKey(), NOW.plusSeconds(3600));

        assertThat(cert.keyId()).isEqualTo(device.keyId());
        assertThat(cert.isValid(server.verifyingKey(), NOW)).isTrue();
        assertThat(cert.isValid(server.verifyingKey(), NOW.plusSeconds(3601))).isFalse();
    }

    @Test
    void anotherKeyOrAnEditedCertificateDoesNotVerify() {
        DeviceCertificate cert = DeviceCertificate.issue(server, "till-1", device.verifyingKey(), NOW.plusSeconds(3600));
        SigningKey stranger = SigningKey.generate();

        assertThat(cert.isValid(stranger.verifyingKey(), NOW)).isFalse();
        DeviceCertificate otherDevice = new DeviceCertificate("till-2", cert.publicKeyBase64(), cert.notAfter(),
                cert.issuerKeyId(), cert.signatureBase64());
        assertThat(otherDevice.isValid(server.verifyingKey(), NOW)).isFalse();
        DeviceCertificate longer = new DeviceCertificate("till-1", cert.publicKeyBase64(), cert.notAfter().plusSeconds(86400),
                cert.issuerKeyId(), cert.signatureBase64());
        assertThat(longer.isValid(server.verifyingKey(), NOW)).isFalse();
        DeviceCertificate garbage = new DeviceCertificate("till-1", "not base64!", cert.notAfter(),
                cert.issuerKeyId(), "###");
        assertThat(garbage.isValid(server.verifyingKey(), NOW)).isFalse();
    }
}
