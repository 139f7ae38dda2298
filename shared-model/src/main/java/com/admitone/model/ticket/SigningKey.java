package com.admitone.model.ticket;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An Ed25519 key pair that signs ticket tokens. Its id is derived from the public key, so the same
 * key has the same id on every machine.
 */
public final class SigningKey {
    private final byte[] privateKey;
    private final byte[] publicKey;
    private final String keyId;

    private SigningKey(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
    }

    public static SigningKey generate() {
        byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(new SecureRandom(), sk);
        return fromPrivateKey(sk);
    }

    public static SigningKey fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, pk, 0);
        return new SigningKey(privateKey.clone(), pk);
    }

    /** Eight hex characters of the SHA-256 of the public key. */
    public static String keyIdOf(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    public VerifyingKey verifyingKey() {
        return VerifyingKey.of(publicKey);
    }

    byte[] sign(byte[] message, int length) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, publicKey, 0, message, 0, length, signature, 0);
        return signature;
    }
}
