package com.admitone.client.sales;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OutboxItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Online sales the server has not answered yet: the network dropped, or the server went away,
 * between the cashier pressing "pay" and the confirmation. Such a sale is <em>not</em> turned into
 * an offline sale: its command is in the outbox and may already have been applied (only its answer
 * lost), so selling it another way could sell the seats twice. It stays one command, delivered at
 * least once and applied once, and this class tells the counter when the server has decided, so
 * the tickets print then (or the cashier hears that it was refused and gives the money back).
 *
 * <p>Watched sales are kept in memory only: after a restart the sale still goes through (it is in
 * the outbox) and its order is in Orders to print from. Thread-safe; {@link #settled()} reads the
 * local database, so not on the JavaFX thread.
 */
public final class WaitingSales {
    /** A waiting sale the server has decided: confirmed (its changes are in the replica) or refused. */
    public record Settled(UUID orderId, boolean confirmed, String code, String message) {
    }

    private final LocalStore store;
    private final Map<Long, UUID> watched = new LinkedHashMap<>();

    public WaitingSales(LocalStore store) {
        this.store = store;
    }

    /** Watches the sale recorded as {@code item} (its SellSeats command) for order {@code orderId}. */
    public synchronized void watch(OutboxItem item, UUID orderId) {
        watched.put(item.position(), orderId);
    }

    public synchronized int count() {
        return watched.size();
    }

    public synchronized boolean isWaiting(UUID orderId) {
        return watched.containsValue(orderId);
    }

    /**
     * The watched sales decided since the last call, each reported once: confirmed once the server
     * applied it and the replica holds its changes (so the tickets carry the server's signature),
     * refused with the server's code and reason.
     */
    public synchronized List<Settled> settled() {
        if (watched.isEmpty()) {
            return List.of();
        }
        List<Long> positions = List.copyOf(watched.keySet());
        // A few at most (one per sale caught by a drop): found one by one.
        List<OutboxItem> items = store.read(s -> positions.stream().map(p -> s.find(OutboxItem.class, p))
                .filter(java.util.Objects::nonNull).toList());
        List<Settled> done = new ArrayList<>();
        for (OutboxItem item : items) {
            boolean confirmed = item.status() == OutboxItem.Status.APPLIED && item.settled();
            if (confirmed || item.status() == OutboxItem.Status.REJECTED) {
                done.add(new Settled(watched.remove(item.position()), confirmed, item.resultCode(), item.resultMessage()));
            }
        }
        return done;
    }
}
