package com.admitone.client.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {
    final PasswordHashes hashes = new PasswordHashes();

    @Test
    void aHashIsArgon2idAndVerifiesOnlyItsSecret() {
        String hash = hashes.hash("boxoffice-demo");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("boxoffice-demo");
        assertThat(hashes.verify("boxoffice-demo", hash)).isTrue();
        assertThat(hashes.verify("boxoffice-demo ", hash)).isFalse();
        assertThat(hashes.hash("boxoffice-demo")).isNotEqualTo(hash);
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(hashes.verify("x", "plain")).isFalse();
        assertThat(hashes.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hashes.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hashes.verify("x", null)).isFalse();
    }
}
