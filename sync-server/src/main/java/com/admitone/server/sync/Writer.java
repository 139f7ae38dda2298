package com.admitone.server.sync;

import com.admitone.server.auth.Principal;
import com.admitone.server.feed.ChangeFeed;
import com.admitone.server.feed.LivePush;
import com.admitone.server.storage.Database;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.function.Function;

/**
 * Runs authoritative changes: one transaction, its feed entries numbered last, then subscribers
 * told of the new head once it is committed.
 */
public final class Writer {
    private final Database database;
    private final ChangeFeed feed;
    private final LivePush push;
    private final ObjectMapper json;
    private final Clock clock;

    public Writer(Database database, ChangeFeed feed, LivePush push, ObjectMapper json, Clock clock) {
        this.database = database;
        this.feed = feed;
        this.push = push;
        this.json = json;
        this.clock = clock;
    }

    public <T> Written<T> write(Principal principal, Function<WriteContext, T> work) {
        Written<T> written = database.write(session -> {
            WriteContext context = new WriteContext(session, principal, clock.instant(), feed.recorder(), json);
            T value = work.apply(context);
            long seq = context.finish();
            return new Written<>(value, seq);
        });
        if (written.lastSeq() > 0 && push != null) {
            push.published(written.lastSeq());
        }
        return written;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    /** What a write returned, with the last feed sequence it produced (0 if none). */
    public record Written<T>(T value, long lastSeq) {
    }
}
