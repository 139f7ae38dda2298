package com.admitone.model.ticket;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.util.Base64;

/**
 * A public key that ticket signatures are checked against. The point is decoded and validated
 * once, so a gate's verify costs one signature check and nothing more.
 */
public final class VerifyingKey {
    private final String keyId;
    private final byte[] publicKey;
    private final Ed25519.PublicPoint point;

    private VerifyingKey(String keyId, byte[] publicKey, Ed25519.PublicPoint point) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.point = point;
    }

    public static VerifyingKey of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
        if (point == null) {
            throw new IllegalArgumentException("not a valid Ed25519 public key");
        }
        return new VerifyingKey(SigningKey.keyIdOf(publicKey), publicKey.clone(), point);
    }

    public static VerifyingKey ofBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    public String keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    boolean verify(byte[] signature, int signatureOffset, byte[] message, int length) {
        return Ed25519.verify(signature, signatureOffset, point, message, 0, length);
    }
}
