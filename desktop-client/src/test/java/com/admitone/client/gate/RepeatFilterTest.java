package com.admitone.client.gate;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatFilterTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-03T19:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(3), clock);

    @Test
    void theSameCodeHeldInFrontOfTheCameraIsOneScan() {
        assertThat(filter.isNewScan("AO1.one")).isTrue();
        for (int frame = 0; frame < 40; frame++) {
            clock.now = clock.now.plusMillis(150);
            assertThat(filter.isNewScan("AO1.one")).isFalse();
        }
    }

    @Test
    void anotherCodeIsANewScanAtOnce() {
        assertThat(filter.isNewScan("AO1.one")).isTrue();
        clock.now = clock.now.plusMillis(150);
        assertThat(filter.isNewScan("AO1.two")).isTrue();
        clock.now = clock.now.plusMillis(150);
        assertThat(filter.isNewScan("AO1.one")).as("back to the first guest's code").isTrue();
    }

    @Test
    void theSameCodeShownAgainAfterAPauseIsANewScan() {
        assertThat(filter.isNewScan("AO1.one")).isTrue();
        clock.now = clock.now.plusSeconds(4);
        assertThat(filter.isNewScan("AO1.one")).isTrue();
    }
}
