package com.admitone.server.feed;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live push over server-sent events: tells subscribers the newest sequence number, nothing else.
 * The pull stays the source of truth, so a lost event costs latency, never data. A poll of the
 * feed's head also catches changes other server nodes made in a shared PostgreSQL database.
 */
public final class LivePush implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong announced = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-push");
        t.setDaemon(true);
        return t;
    });

    public LivePush(ChangeFeed feed, long pollMillis) {
        announced.set(feed.latest());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                published(feed.latest());
            } catch (RuntimeException e) {
                log.warn("could not read the change feed head: {}", e.getMessage());
            }
        }, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    public void subscribe(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("seq", Map.of("latest", announced.get()));
    }

    /** Called after a commit with the newest sequence number it produced. */
    public void published(long seq) {
        long before = announced.getAndAccumulate(seq, Math::max);
        if (seq > before) {
            Map<String, Object> event = Map.of("latest", seq);
            for (SseClient client : clients) {
                try {
                    client.sendEvent("seq", event);
                } catch (RuntimeException e) {
                    clients.remove(client);
                }
            }
        }
    }

    public int subscribers() {
        return clients.size();
    }

    private void keepAlive() {
        for (SseClient client : clients) {
            try {
                client.sendComment("keep-alive");
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        clients.forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the connection is going away anyway
            }
        });
        clients.clear();
    }
}
