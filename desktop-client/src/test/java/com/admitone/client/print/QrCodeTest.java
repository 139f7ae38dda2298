package com.admitone.client.print;

import com.admitone.model.ticket.SigningKey;
import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QrCodeTest {
    private final SigningKey key = SigningKey.generate();

    @Test
    void everyPrintedCodeReadsBack() {
        for (int i = 0; i < 20; i++) {
            String token = SampleOrders.token(key, UUID.randomUUID(), (long) i, null);
            assertThat(QrCode.readsBack(QrCode.matrix(token), token)).as(token).isTrue();
        }
    }

    @Test
    void anotherMaskWhenTheEncodersChoiceDoesNotReadBack() {
        // About 2 % of tokens: look for one.
        for (int i = 0; i < 600; i++) {
            String token = SampleOrders.token(key, UUID.randomUUID(), (long) i, null);
            BitMatrix usual = QrCode.encode(token, -1);
            if (!QrCode.readsBack(usual, token)) {
                BitMatrix printed = QrCode.matrix(token);
                assertThat(printed).isNotEqualTo(usual);
                assertThat(QrCode.readsBack(printed, token)).isTrue();
                return;
            }
        }
        assumeTrue(false, "no token in 600 that ZXing misses with the usual mask");
    }

    @Test
    void hasAFourModuleQuietZone() {
        String token = SampleOrders.token(key, UUID.randomUUID(), 1L, null);
        BitMatrix m = QrCode.matrix(token);
        for (int i = 0; i < m.getWidth(); i++) {
            for (int q = 0; q < QrCode.QUIET_ZONE; q++) {
                assertThat(m.get(i, q) || m.get(q, i) || m.get(i, m.getHeight() - 1 - q) || m.get(m.getWidth() - 1 - q, i))
                        .isFalse();
            }
        }
        assertThat(m.getWidth()).isEqualTo(57 + 2 * QrCode.QUIET_ZONE);   // version 10 at Q
    }
}
