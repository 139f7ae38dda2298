package com.admitone.server.feed;

import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.ChangePage;
import com.admitone.server.storage.Counters;
import com.admitone.server.storage.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one change feed (DESIGN.md invariant 3): every authoritative change gets the next sequence
 * number when its transaction finishes, and clients page through "changes after N".
 */
public final class ChangeFeed {
    public static final int MAX_PAGE = 5000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What a gate is not sent. The name stays: a gate looks up the guest whose ticket will not scan by it. */
    private static final java.util.Set<String> CUSTOMER_CONTACT_FIELDS = java.util.Set.of("customerEmail", "customerPhone");

    private final Database database;
    private final ObjectMapper json;

    public ChangeFeed(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Collects the changes of one write transaction. */
    public Recorder recorder() {
        return new Recorder();
    }

    public ChangePage page(long after, int limit) {
        return page(after, limit, true);
    }

    /**
     * A page of the feed. Without {@code customerDetails} (gate devices) orders come without the
     * customer's e-mail and phone: a gate needs only the name, for its manual look-up.
     */
    public ChangePage page(long after, int limit, boolean customerDetails) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return database.read(session -> {
            List<ChangeEntry> rows = session.createSelectionQuery(
                            "from ChangeEntry where seq > :after order by seq", ChangeEntry.class)
                    .setParameter("after", after)
                    .setMaxResults(size + 1)
                    .getResultList();
            boolean more = rows.size() > size;
            List<Change> changes = new ArrayList<>(Math.min(rows.size(), size));
            for (int i = 0; i < rows.size() && i < size; i++) {
                ChangeEntry row = rows.get(i);
                Map<String, Object> data = parse(row.data);
                if (!customerDetails && data != null && ChangeEntity.ORDER.equals(row.entity)) {
                    data.keySet().removeAll(CUSTOMER_CONTACT_FIELDS);
                }
                changes.add(new Change(row.seq, row.entity, row.entityId, row.deleted, data, row.at));
            }
            long next = changes.isEmpty() ? after : changes.get(changes.size() - 1).seq();
            return new ChangePage(changes, next, more, latest(session));
        });
    }

    public long latest() {
        return database.read(ChangeFeed::latest);
    }

    private static long latest(Session session) {
        Long max = session.createSelectionQuery("select max(seq) from ChangeEntry", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    private Map<String, Object> parse(String data) {
        if (data == null) {
            return null;
        }
        try {
            return json.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change is not JSON", e);
        }
    }

    public final class Recorder {
        private final List<PendingChange> pending = new ArrayList<>();

        private Recorder() {
        }

        /** Records the new state of a thing. Applying a thing's changes in order leaves its latest state. */
        public void upsert(String entity, String id, Object data) {
            pending.add(new PendingChange(entity, id, data));
        }

        public void delete(String entity, String id) {
            upsert(entity, id, null);
        }

        /** How many changes are recorded and not yet numbered; a mark to {@link #truncate} back to. */
        public int mark() {
            return pending.size();
        }

        /** Forgets the changes recorded after {@code mark}: their command was rolled back. */
        public void truncate(int mark) {
            pending.subList(mark, pending.size()).clear();
        }

        /**
         * Numbers and stores the changes: the i-th recorded change gets {@code first + i}. Called
         * last in the transaction, so the counter row (and on PostgreSQL its lock) is held only for
         * the inserts and the commit. Returns the first sequence number, or 0 if nothing changed.
         */
        public long flush(Session session, Instant now) {
            if (pending.isEmpty()) {
                return 0;
            }
            session.flush();
            long first = Counters.take(session, Counters.FEED, pending.size());
            long seq = first;
            for (PendingChange change : pending) {
                session.persist(new ChangeEntry(seq++, change.entity(), change.id(), change.data() == null,
                        change.data() == null ? null : write(change.data()), now));
            }
            pending.clear();
            return first;
        }

        private String write(Object data) {
            try {
                return json.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("change data is not serialisable", e);
            }
        }
    }
}
