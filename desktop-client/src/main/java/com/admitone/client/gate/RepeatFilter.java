package com.admitone.client.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A camera sees the same code in frame after frame while the guest holds it up. Without this the
 * gate would say ADMIT and then, 150 ms later, ALREADY ADMITTED. The same text seen again within
 * the window is not a new scan; another code, or the same one after the window, is.
 */
public final class RepeatFilter {
    private final Duration window;
    private final Clock clock;
    private String lastText;
    private Instant lastSeen = Instant.MIN;

    public RepeatFilter(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** True when the text should be judged as a new scan. Each sighting of the same code extends the window. */
    public synchronized boolean isNewScan(String text) {
        Instant now = clock.instant();
        boolean repeat = text.equals(lastText) && !now.isAfter(lastSeen.plus(window));
        lastText = text;
        lastSeen = now;
        return !repeat;
    }
}
