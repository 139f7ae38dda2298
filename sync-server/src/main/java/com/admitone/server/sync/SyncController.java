package com.admitone.server.sync;

import com.admitone.model.sync.CommandBatch;
import com.admitone.server.feed.ChangeFeed;
import com.admitone.server.feed.LivePush;
import com.admitone.server.http.AccessControl;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

/** The sync API: command batches in, the change feed out, and live push of the feed's head. */
public final class SyncController {
    private final CommandService commands;
    private final ChangeFeed feed;
    private final LivePush push;

    public SyncController(CommandService commands, ChangeFeed feed, LivePush push) {
        this.commands = commands;
        this.feed = feed;
        this.push = push;
    }

    public void commands(Context ctx) {
        CommandBatch batch = ctx.bodyAsClass(CommandBatch.class);
        ctx.json(commands.apply(AccessControl.principal(ctx), batch));
    }

    public void changes(Context ctx) {
        long after = ctx.queryParamAsClass("after", Long.class).check(v -> v >= 0, "after must be 0 or more").getOrDefault(0L);
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(v -> v > 0, "limit must be positive").getOrDefault(1000);
        boolean gate = AccessControl.principal(ctx).role() == com.admitone.model.auth.Role.GATE;
        ctx.json(feed.page(after, limit, !gate));
    }

    public void stream(SseClient client) {
        push.subscribe(client);
    }
}
