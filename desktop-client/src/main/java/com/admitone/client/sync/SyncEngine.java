package com.admitone.client.sync;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.SyncCursor;
import com.admitone.client.store.replica.ChangeApplier;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangePage;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.CommandResults;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the replica and the server in step, on one background thread, so a sync never runs twice
 * at once. A run pushes the outbox in order and in batches (at-least-once: the server answers a
 * repeated key with its stored result), then pulls the change feed page by page, applying each page
 * and moving the cursor in one transaction. A failed call makes the device offline and the run is
 * retried with exponential backoff; the live stream ({@code /api/changes/stream}) only says there is
 * news and triggers a run. Nothing here touches JavaFX: listeners hear about changes on this thread.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final Set<String> SESSION_CODES = Set.of("UNAUTHENTICATED", "DEVICE_UNKNOWN", "DEVICE_REVOKED");
    private static final Pattern LATEST = Pattern.compile("\"latest\"\\s*:\\s*(\\d+)");

    /** Tunables; the defaults suit a till on a LAN. */
    public record Settings(int batchSize, int pageSize, Duration firstRetry, Duration maxRetry, Duration safetyPoll) {
        // Retries (and so the probe that brings an offline device back) start after 1 s and double up to 30 s.
        public static final Settings DEFAULT = new Settings(100, 1000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    private final LocalStore store;
    private final Outbox outbox;
    private final ServerApi api;
    private final Clock clock;
    private final Settings settings;
    private final ProblemMessages messages;
    private final ScheduledExecutorService thread;
    private final List<SyncStatus.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<ServerApi>> onlineTasks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Thread engineThread;
    private volatile SessionRenewal renewal = SessionRenewal.NONE;
    private volatile SyncStatus status = SyncStatus.INITIAL;
    private volatile boolean closed;

    // Touched only on the engine thread.
    private int failures;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> safetyPoll;
    private EventSource stream;
    private int streamFailures;
    private boolean online = true;
    private Instant lastSync;
    private String lastError;
    private Instant nextTry;

    public SyncEngine(LocalStore store, Outbox outbox, ServerApi api, Clock clock, Settings settings, ProblemMessages messages) {
        this.store = store;
        this.outbox = outbox;
        this.api = api;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admitone-sync");
            t.setDaemon(true);
            engineThread = t;
            return t;
        });
        // A local write (a sale at the counter) is pushed at once; the engine's own writes are not news.
        store.onWrite(s -> {
            if (Thread.currentThread() != engineThread) {
                requestSync();
            }
        });
    }

    public ServerApi api() {
        return api;
    }

    public SyncStatus status() {
        return status;
    }

    public void addListener(SyncStatus.Listener listener) {
        listeners.add(listener);
        listener.syncStatusChanged(status);
    }

    public void removeListener(SyncStatus.Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Work to do on the engine thread after each complete sync, while the server is reachable (for
     * example certifying the device key). A failure is logged and tried again after the next sync.
     */
    public void addOnlineTask(java.util.function.Consumer<ServerApi> task) {
        onlineTasks.add(task);
    }

    public void setSessionRenewal(SessionRenewal renewal) {
        this.renewal = renewal == null ? SessionRenewal.NONE : renewal;
    }

    /** Starts syncing: a run now, the live stream, and a slow safety poll in case the stream is silently dead. */
    public void start() {
        thread.execute(() -> {
            if (safetyPoll == null) {
                long period = settings.safetyPoll().toMillis();
                safetyPoll = thread.scheduleWithFixedDelay(this::requestSync, period, period, TimeUnit.MILLISECONDS);
            }
        });
        requestSync();
    }

    /** Asks for a run soon; requests while one is queued are merged into it. */
    public void requestSync() {
        if (!closed && queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    /** Runs a sync now (after any queued one) and returns the status it ended with: for tests and "Sync now". */
    public Future<SyncStatus> syncNow() {
        CompletableFuture<SyncStatus> done = new CompletableFuture<>();
        thread.execute(() -> {
            run();
            done.complete(status);
        });
        return done;
    }

    /** A session is there (log-in) or gone (log-out): reconnect the stream and sync. */
    public void sessionChanged() {
        thread.execute(() -> {
            closeStream();
            failures = 0;
            streamFailures = 0;
            publish();
        });
        requestSync();
    }

    private void run() {
        queued.set(false);
        if (closed) {
            return;
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        nextTry = null;
        try {
            if (!api.hasToken() && !renewal.renew(api)) {
                // Nobody to sync as: still find out whether the server is there, for the status bar.
                api.health();
                online = true;
                lastError = null;
                publish();
                return;
            }
            push();
            pull();
            online = true;
            failures = 0;
            lastError = null;
            lastSync = clock.instant();
            ensureStream();
            runOnlineTasks();
        } catch (ProblemException e) {
            if (SESSION_CODES.contains(e.code())) {
                log.info("the server ended the session ({}); waiting for a new log-in", e.code());
                api.useToken(null);
                closeStream();
                online = true;
                lastError = messages.sentence(e);
                if (renewal.renew(api)) {
                    requestSync();
                }
            } else {
                log.warn("sync refused by the server: {} {}", e.code(), e.getMessage());
                lastError = messages.sentence(e);
                scheduleRetry();
            }
        } catch (ServerException e) {
            log.info("sync failed, working offline: {}", e.getMessage());
            online = false;
            lastError = messages.sentence(e);
            closeStream();
            scheduleRetry();
        } catch (RuntimeException e) {
            log.error("sync run failed", e);
            lastError = messages.sentence(e);
            scheduleRetry();
        }
        publish();
    }

    private void push() {
        while (true) {
            List<OutboxItem> batch = outbox.nextBatch(settings.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            try {
                send(batch);
            } catch (ProblemException e) {
                if (SESSION_CODES.contains(e.code()) || batch.size() == 1) {
                    handleRefusal(batch, e);
                } else {
                    // The server refused the batch as a whole: send one by one to find the bad command.
                    for (OutboxItem item : batch) {
                        try {
                            send(List.of(item));
                        } catch (ProblemException single) {
                            handleRefusal(List.of(item), single);
                        }
                    }
                }
            }
        }
    }

    private void send(List<OutboxItem> batch) {
        List<CommandEnvelope> envelopes = batch.stream().map(outbox::envelope).toList();
        outbox.markSending(batch);
        CommandResults results;
        try {
            // Stamped when sent (each envelope keeps when its command was made): the server measures skew on this.
            results = api.sendCommands(new CommandBatch(envelopes, clock.instant()));
        } catch (ServerException e) {
            outbox.markFailed(batch, e.getMessage());
            throw e;
        }
        outbox.recordResults(results.results());
        java.util.Set<java.util.UUID> answered = new java.util.HashSet<>();
        results.results().forEach(r -> answered.add(r.key()));
        List<OutboxItem> unanswered = batch.stream().filter(i -> !answered.contains(i.key())).toList();
        if (!unanswered.isEmpty()) {
            // Never loop on a batch the server did not fully answer: leave the rest for the next run.
            outbox.markFailed(unanswered, "no result for this command in the server's answer");
            throw new ServerFailureException(200, "The server answered " + answered.size() + " of " + batch.size() + " commands.");
        }
    }

    private void handleRefusal(List<OutboxItem> items, ProblemException e) {
        if (SESSION_CODES.contains(e.code())) {
            throw e;
        }
        // A request-level refusal of a single command (malformed, too large): final, like a rejection.
        for (OutboxItem item : items) {
            outbox.reject(item, e.code(), e.detail());
        }
    }

    private void pull() {
        while (true) {
            long after = store.cursor().appliedSeq();
            ChangePage page = api.changes(after, settings.pageSize());
            Instant now = clock.instant();
            store.write(session -> {
                SyncCursor cursor = SyncCursor.of(session);
                if (cursor.appliedSeq() != after) {
                    throw new IllegalStateException("the cursor moved during a pull");
                }
                for (Change change : page.changes()) {
                    ChangeApplier.apply(session, change);
                }
                session.flush();
                cursor.pageApplied(page.next(), page.latest(), now);
                outbox.settle(session, cursor.appliedSeq());
                return null;
            });
            if (!page.more() || page.changes().isEmpty()) {
                return;
            }
        }
    }

    private void runOnlineTasks() {
        for (java.util.function.Consumer<ServerApi> task : onlineTasks) {
            try {
                task.accept(api);
            } catch (RuntimeException e) {
                log.warn("after-sync task failed; tried again after the next sync: {}", e.toString());
            }
        }
    }

    private void scheduleRetry() {
        failures++;
        long first = settings.firstRetry().toMillis();
        long delay = Math.min(settings.maxRetry().toMillis(), first << Math.min(20, failures - 1));
        if (retry != null) {
            retry.cancel(false);
        }
        if (!closed) {
            retry = thread.schedule(this::requestSync, delay, TimeUnit.MILLISECONDS);
            nextTry = clock.instant().plusMillis(delay);
        }
    }

    // ---- live stream ---------------------------------------------------------------------------

    private void ensureStream() {
        if (stream != null || closed || !api.hasToken()) {
            return;
        }
        stream = api.openChangeStream(new EventSourceListener() {
            @Override
            public void onOpen(EventSource source, Response response) {
                log.debug("live stream open");
            }

            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                long latest = latestOf(data);
                if (latest > status.appliedSeq()) {
                    requestSync();
                }
            }

            @Override
            public void onClosed(EventSource source) {
                streamLost(source, null);
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                streamLost(source, t);
            }
        });
    }

    /** On an OkHttp thread: hand over to the engine thread, which reconnects after a pause. */
    private void streamLost(EventSource source, Throwable cause) {
        if (closed) {
            return;
        }
        try {
            thread.execute(() -> {
                if (stream != source) {
                    return;
                }
                stream = null;
                streamFailures++;
                log.debug("live stream lost ({}); reconnecting", cause == null ? "closed" : cause.toString());
                long delay = Math.min(settings.maxRetry().toMillis(), settings.firstRetry().toMillis() << Math.min(10, streamFailures - 1));
                thread.schedule(this::requestSync, delay, TimeUnit.MILLISECONDS);
            });
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closing
        }
    }

    private void closeStream() {
        if (stream != null) {
            EventSource old = stream;
            stream = null;
            old.cancel();
        }
    }

    static long latestOf(String data) {
        Matcher m = data == null ? null : LATEST.matcher(data);
        return m != null && m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ---- status --------------------------------------------------------------------------------

    private void publish() {
        try {
            Outbox.Counts counts = outbox.counts();
            SyncCursor cursor = store.cursor();
            status = new SyncStatus(online, api.hasToken(), counts.waiting(), counts.rejected(), lastSync,
                    cursor.appliedSeq(), cursor.latestSeen(), lastError, failures, nextTry);
        } catch (RuntimeException e) {
            log.warn("cannot read the sync status", e);
            status = new SyncStatus(online, api.hasToken(), status.waiting(), status.rejected(), lastSync,
                    status.appliedSeq(), status.latestSeen(), lastError, failures, nextTry);
        }
        for (SyncStatus.Listener listener : listeners) {
            try {
                listener.syncStatusChanged(status);
            } catch (RuntimeException e) {
                log.warn("sync status listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.submit(this::closeStream).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("closing the live stream", e);
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
