package com.admitone.client.sync;

import java.time.Instant;

/**
 * What the sync engine wants staff to see: whether the server is reachable, how many commands are
 * waiting or were refused, and when the replica was last brought up to date.
 *
 * @param online        the last call to the server worked
 * @param loggedIn      the engine has a staff session to sync with
 * @param waiting       commands not yet answered by the server
 * @param rejected      commands the server refused, kept for staff to see
 * @param lastSync      when the last complete push-and-pull finished, or null
 * @param appliedSeq    the change-feed position the replica has reached
 * @param latestSeen    the newest position the server announced
 * @param lastError     a plain sentence about the last failure, or null
 * @param failures      failed runs in a row (0 when the last run worked)
 * @param nextTry       when the engine tries again after a failure (backoff), or null
 */
public record SyncStatus(boolean online, boolean loggedIn, long waiting, long rejected, Instant lastSync, long appliedSeq,
                         long latestSeen, String lastError, int failures, Instant nextTry) {

    /** Before the first call the server counts as reachable: the device goes offline when a call fails, not at start. */
    public static final SyncStatus INITIAL = new SyncStatus(true, false, 0, 0, null, 0, 0, null, 0, null);

    public SyncStatus(boolean online, boolean loggedIn, long waiting, long rejected, Instant lastSync, long appliedSeq,
                      long latestSeen, String lastError) {
        this(online, loggedIn, waiting, rejected, lastSync, appliedSeq, latestSeen, lastError, 0, null);
    }

    /** Listeners are told on the engine's thread; a UI hands the status to its own thread itself. */
    public interface Listener {
        void syncStatusChanged(SyncStatus status);
    }
}
