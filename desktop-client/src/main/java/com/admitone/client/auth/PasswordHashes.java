package com.admitone.client.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id hashes for offline log-in and cashier PINs, in the PHC string form
 * {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}. The cost is OWASP's minimum for Argon2id;
 * a PIN is short, so its hash also counts failed tries ({@code KnownUser}) and is dropped after a few.
 */
public final class PasswordHashes {
    static final int MEMORY_KB = 19_456;
    static final int PASSES = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] digest = derive(secret, salt, MEMORY_KB, PASSES, LANES, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return String.format("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s", MEMORY_KB, PASSES, LANES,
                b64.encodeToString(salt), b64.encodeToString(digest));
    }

    public boolean verify(String secret, String phc) {
        if (secret == null || phc == null) {
            return false;
        }
        String[] field = phc.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (field.length != 6 || !"argon2id".equals(field[1]) || !"v=19".equals(field[2])) {
            return false;
        }
        try {
            int memory = -1;
            int passes = -1;
            int lanes = -1;
            for (String setting : field[3].split(",")) {
                int eq = setting.indexOf('=');
                int value = Integer.parseInt(setting.substring(eq + 1));
                switch (setting.substring(0, eq)) {
                    case "m" -> memory = value;
                    case "t" -> passes = value;
                    case "p" -> lanes = value;
                    default -> throw new IllegalArgumentException(setting);
                }
            }
            if (memory < 8 || passes < 1 || lanes < 1 || memory > 1 << 20) {
                return false;
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(field[4]);
            byte[] expected = b64.decode(field[5]);
            return MessageDigest.isEqual(expected, derive(secret, salt, memory, passes, lanes, expected.length));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKb, int passes, int lanes, int length) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKb)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        argon2.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
