package com.admitone.model.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The server's statement that a device's Ed25519 key may sign tickets until {@code notAfter}. A
 * device makes its key pair at enrolment and keeps the private half; the server signs this
 * certificate with its own ticket key, and gates trust a device-signed ticket while the
 * certificate verifies, has not run out and the device is not revoked.
 *
 * @param deviceId        the enrolled device
 * @param publicKeyBase64 the device's public key (standard Base64 of the 32 bytes)
 * @param notAfter        the last instant the device may sign with this key
 * @param issuerKeyId     the id of the server key that signed the certificate
 * @param signatureBase64 the server's Ed25519 signature over {@link #signedText()}
 */
public record DeviceCertificate(String deviceId, String publicKeyBase64, Instant notAfter, String issuerKeyId,
                                String signatureBase64) {

    private static final String FORMAT = "AO-DEVICE-CERT-1";

    public DeviceCertificate {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(publicKeyBase64, "publicKeyBase64");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
        Objects.requireNonNull(signatureBase64, "signatureBase64");
    }

    /** Signs a certificate for a device's public key with the server's key. */
    public static DeviceCertificate issue(SigningKey issuer, String deviceId, VerifyingKey deviceKey, Instant notAfter) {
        String text = signedText(deviceId, deviceKey.publicKeyBase64(), notAfter);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = issuer.sign(message, message.length);
        return new DeviceCertificate(deviceId, deviceKey.publicKeyBase64(), notAfter, issuer.keyId(),
                Base64.getEncoder().encodeToString(signature));
    }

    /** The device key's id, as ticket tokens signed by the device name it. */
    public String keyId() {
        return deviceKey().keyId();
    }

    public VerifyingKey deviceKey() {
        return VerifyingKey.ofBase64(publicKeyBase64);
    }

    /** The exact text the server signs: a format tag, the device, the key and the deadline, one per line. */
    public String signedText() {
        return signedText(deviceId, publicKeyBase64, notAfter);
    }

    /** True when {@code issuer} signed this certificate and it has not run out at {@code now}. */
    public boolean isValid(VerifyingKey issuer, Instant now) {
        if (!issuer.keyId().equals(issuerKeyId) || now.isAfter(notAfter)) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
            deviceKey();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (signature.length != 64) {
            return false;
        }
        byte[] message = signedText().getBytes(StandardCharsets.UTF_8);
        return issuer.verify(signature, 0, message, message.length);
    }

    private static String signedText(String deviceId, String publicKeyBase64, Instant notAfter) {
        return FORMAT + "\n" + deviceId + "\n" + publicKeyBase64 + "\n" + notAfter.getEpochSecond();
    }
}
