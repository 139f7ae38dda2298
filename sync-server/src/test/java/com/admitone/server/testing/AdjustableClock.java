package com.admitone.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it on, so waiting out a server rule (a log-in
 * back-off, a lock) takes no real time and a slow machine cannot make a test miss a deadline.
 * Clocks made by {@link #withZone} share the same time.
 */
public final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public AdjustableClock() {
        this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC);
    }

    private AdjustableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new AdjustableClock(now, newZone);
    }
}
