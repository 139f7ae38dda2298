package com.admitone.client.store;

import com.admitone.client.Json;
import com.admitone.client.store.replica.ProvisionalEffects;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.CommandResult;
import com.admitone.model.sync.Commands;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue of commands this device owes the server (DESIGN.md invariant 2). {@link #record}
 * writes a command and its provisional effect on the replica in one SQLite transaction, so after a
 * crash either both are there or neither is. The sync engine reads batches in order, records each
 * answer, and never deletes an item: applied ones are history, rejected ones stay visible with
 * their reason until staff deal with them.
 */
public final class Outbox {
    private final LocalStore store;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public Outbox(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Who is writing: the local user and the device the command comes from. */
    public record Author(String userId, String deviceId) {
    }

    /** Records a command with its provisional effect, in one transaction. */
    public OutboxItem record(Command command, Author author) {
        return store.write(session -> record(session, command, author, null));
    }

    /**
     * Records a command inside a caller's write transaction, with {@code extra} local work (for
     * example a receipt row) that must commit or roll back together with it.
     */
    public OutboxItem record(Session session, Command command, Author author, Function<Session, ?> extra) {
        UUID key = UUID.randomUUID();
        Instant now = clock.instant();
        ProvisionalEffects.apply(session, key, command, author.deviceId(), author.userId(), now);
        if (extra != null) {
            extra.apply(session);
        }
        OutboxItem item = new OutboxItem(key, command.getClass().getSimpleName(), toJson(command), now, now, author.userId());
        session.persist(item);
        return item;
    }

    /**
     * Records a gate's {@code RecordScans} inside a {@link LocalStore#writeQuickly} transaction, as
     * the same outbox row {@link #record} writes (the columns of {@link OutboxItem}). Scans have no
     * provisional effect on the replica: their scan rows are the caller's, in the same transaction.
     */
    public void recordQuickly(PreparedConnection db, Commands.RecordScans command, Author author) throws java.sql.SQLException {
        long now = clock.instant().toEpochMilli();
        java.sql.PreparedStatement insert = db.statement("insert into outbox (idem_key, command_type, command_json, created_ms, "
                + "device_time_ms, user_id, status, attempts, settled) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, 0)");
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, command.getClass().getSimpleName());
        insert.setString(3, toJson(command));
        insert.setLong(4, now);
        insert.setLong(5, now);
        insert.setString(6, author.userId());
        insert.executeUpdate();
    }

    /** The next commands to send, oldest first: waiting ones and ones sent without an answer. */
    public List<OutboxItem> nextBatch(int max) {
        return store.read(s -> s.createSelectionQuery("from OutboxItem where status in ('PENDING', 'SENT') order by position",
                OutboxItem.class).setMaxResults(max).getResultList());
    }

    public CommandEnvelope envelope(OutboxItem item) {
        try {
            return new CommandEnvelope(item.key(), item.deviceTime(), json.readValue(item.commandJson(), Command.class));
        } catch (JsonProcessingException e) {
            throw new StorageException("Outbox item " + item.position() + " holds an unreadable command: " + e.getOriginalMessage(), e);
        }
    }

    public void markSending(Collection<OutboxItem> items) {
        List<Long> positions = items.stream().map(OutboxItem::position).toList();
        Instant now = clock.instant();
        store.write(s -> {
            forEach(s, positions, item -> item.sending(now));
            return null;
        });
    }

    /** The batch got no answer (network, timeout, server failure): the items wait for the next try. */
    public void markFailed(Collection<OutboxItem> items, String error) {
        List<Long> positions = items.stream().map(OutboxItem::position).toList();
        store.write(s -> {
            forEach(s, positions, item -> item.failed(error));
            return null;
        });
    }

    /**
     * Records the server's answers. A rejection is final: its provisional effect is undone and the
     * item keeps the code and message for staff. An applied command keeps its marks until the pull
     * has brought the change it made ({@link #settle}).
     */
    public void recordResults(List<CommandResult> results) {
        Instant now = clock.instant();
        store.write(s -> {
            for (CommandResult result : results) {
                OutboxItem item = s.createSelectionQuery("from OutboxItem where key = :k", OutboxItem.class)
                        .setParameter("k", result.key().toString()).getSingleResultOrNull();
                if (item == null) {
                    continue;
                }
                if (result.data() != null && !result.data().isEmpty()) {
                    item.resultData = dataJson(result.data());
                }
                // CONFLICT is applied too (an offline sale whose order is kept and a conflict waits for
                // staff): final, never retried, and its local marks go once the feed brought the outcome.
                if (result.status() == CommandResult.Status.APPLIED || result.status() == CommandResult.Status.CONFLICT) {
                    item.applied(result.seq());
                    if (result.status() == CommandResult.Status.CONFLICT) {
                        item.resultCode = "CONFLICT";
                        item.resultMessage = result.message();
                    }
                } else {
                    item.rejected(result.code(), result.message());
                    ProvisionalEffects.lift(s, item.key(), envelope(item).command());
                    item.settled = true;
                }
            }
            SyncCursor.of(s).pushed(now);
            return null;
        });
    }

    /** A batch-level refusal for one item sent alone: final, like a rejection in a result. */
    public void reject(OutboxItem item, String code, String message) {
        store.write(s -> {
            OutboxItem fresh = s.find(OutboxItem.class, item.position());
            fresh.rejected(code, message);
            ProvisionalEffects.lift(s, fresh.key(), envelope(fresh).command());
            fresh.settled = true;
            return null;
        });
    }

    /**
     * Lifts the provisional marks of applied commands whose changes the replica now holds.
     * Runs in the transaction that applied the page and moved the cursor to {@code appliedSeq}.
     */
    public void settle(Session session, long appliedSeq) {
        List<OutboxItem> ready = session.createSelectionQuery(
                        "from OutboxItem where status = 'APPLIED' and settled = false and appliedSeq <= :seq order by position",
                        OutboxItem.class)
                .setParameter("seq", appliedSeq).getResultList();
        for (OutboxItem item : ready) {
            ProvisionalEffects.lift(session, item.key(), envelope(item).command());
            item.settled = true;
        }
    }

    /** How many commands are waiting and how many the server refused. */
    public record Counts(long waiting, long rejected) {
    }

    public Counts counts() {
        return store.read(s -> {
            Map<String, Long> byStatus = s.createSelectionQuery("select status, count(*) from OutboxItem group by status", Object[].class)
                    .getResultList().stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
            return new Counts(byStatus.getOrDefault("PENDING", 0L) + byStatus.getOrDefault("SENT", 0L),
                    byStatus.getOrDefault("REJECTED", 0L));
        });
    }

    /** The newest items, waiting and failed first, for the Sync view. */
    public List<OutboxItem> recent(int max) {
        return store.read(s -> s.createSelectionQuery(
                "from OutboxItem order by case status when 'REJECTED' then 0 when 'PENDING' then 1 when 'SENT' then 1 else 2 end, "
                        + "position desc", OutboxItem.class).setMaxResults(max).getResultList());
    }

    private static void forEach(Session s, List<Long> positions, java.util.function.Consumer<OutboxItem> change) {
        for (Long position : positions) {
            OutboxItem item = s.find(OutboxItem.class, position);
            if (item != null) {
                change.accept(item);
            }
        }
    }

    private String dataJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The server's result data of an answered command, or an empty map. */
    public Map<String, Object> resultData(OutboxItem item) {
        if (item.resultData() == null) {
            return Map.of();
        }
        try {
            return json.readValue(item.resultData(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The outbox item that carries the command with idempotency key {@code key}, or null. */
    public OutboxItem find(UUID key) {
        return store.read(s -> s.createSelectionQuery("from OutboxItem where key = :k", OutboxItem.class)
                .setParameter("k", key.toString()).getSingleResultOrNull());
    }

    private String toJson(Command command) {
        try {
            return json.writerFor(Command.class).writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("command is not serialisable", e);
        }
    }
}
