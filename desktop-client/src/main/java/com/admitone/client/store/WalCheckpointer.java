package com.admitone.client.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the SQLite write-ahead log back into the database file on a background thread.
 *
 * <p>Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: that
 * one commit then copies the pages and fsyncs the log and the database file (traced at a gate
 * scanning flat out: three fsyncs on the scanning thread every ~86 scans, 0.2 to 29 ms each on this
 * machine's disk), with the store's writer lock held, so the verdict of that scan, and of any scan
 * queued behind a sync write that drew the checkpoint, waited for the disk. The pooled connections
 * therefore have automatic checkpoints turned off ({@link #CONNECTION_INIT}) and this thread runs a
 * {@code PASSIVE} checkpoint once 64 commits wait, or a second after any write. A passive
 * checkpoint takes neither the writer lock nor SQLite's write lock, so commits go on while it copies.
 *
 * <p>Durability is unchanged for ordinary writes, which fsync the log in their commit
 * ({@code synchronous=FULL}). For writes without sync ({@link LocalStore#writeQuickly}, gate
 * scans) it improves: a checkpoint fsyncs the log before it copies, so a power cut loses the scans
 * of about the last second (more only while a long read holds the checkpoint back), where before
 * it could lose everything since the last checkpoint, up to ~1,000 pages; any ordinary write
 * fsyncs them too. A crash of the app loses none either way: a commit has handed
 * its pages to the operating system before it returns.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    /** Run on every new pooled connection: no checkpoint inside a commit. */
    static final String CONNECTION_INIT = "PRAGMA wal_autocheckpoint=0";
    private static final long TICK_MS = 100;
    /** A checkpoint at the latest this long after a write... */
    private static final long MAX_DELAY_NANOS = 1_000_000_000L;
    /** ...or as soon as this many commits wait: a long log makes every read search more of it, and its copy longer. */
    private static final int COMMITS = 64;

    private final DataSource dataSource;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastCheckpointNanos = System.nanoTime();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "admitone-wal-checkpoint");
        t.setDaemon(true);
        return t;
    });

    WalCheckpointer(DataSource dataSource) {
        this.dataSource = dataSource;
        thread.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Told after every commit: the next tick has work. */
    void written() {
        pending.incrementAndGet();
    }

    private void tick() {
        int waiting = pending.get();
        if (waiting == 0 || (waiting < COMMITS && System.nanoTime() - lastCheckpointNanos < MAX_DELAY_NANOS)) {
            return;
        }
        pending.addAndGet(-waiting);
        lastCheckpointNanos = System.nanoTime();
        try {
            if (!checkpoint()) {
                pending.incrementAndGet(); // a reader held back part of the log: try again
            }
        } catch (SQLException | RuntimeException e) {
            pending.incrementAndGet();
            log.warn("background checkpoint of the local database failed (will retry): {}", LocalStore.rootMessage(e));
        }
    }

    /** One passive checkpoint; true when the whole log is now in the database file. */
    boolean checkpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // busy (0/1), frames in the log, frames checkpointed
            return row.next() && row.getInt(1) == 0 && row.getInt(2) == row.getInt(3);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
