package com.admitone.server.sync;

import com.admitone.model.auth.Role;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.CommandResult;
import com.admitone.model.sync.CommandResults;
import com.admitone.model.sync.Commands;
import com.admitone.server.auth.AuthService;
import com.admitone.server.auth.Principal;
import com.admitone.server.gate.ScanLog;
import com.admitone.server.http.ApiException;
import com.admitone.model.offline.ReconcileOutcome;
import com.admitone.server.inventory.AllotmentService;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.sales.OfflineSales;
import com.admitone.server.programme.ProgrammeSetup;
import com.admitone.server.sales.SalesService;
import com.admitone.server.storage.Sql;
import com.admitone.server.storage.WriteTracking;
import com.admitone.server.storage.InstantMillisConverter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies command batches exactly once (DESIGN.md invariant 2). Each command's effects and its
 * entry in the command log commit together, so a repeated idempotency key finds the stored result
 * and changes nothing; a refusal is stored too, so a retry gets the same answer.
 *
 * <p>Commands from all callers go through one applier thread that commits them in groups: one
 * transaction (and on PostgreSQL one WAL flush) for every command waiting. A refusal must undo
 * only its own command. Nearly every refusal comes before the command wrote anything (checks
 * first, all-or-nothing seat updates), so a group first runs without savepoints and a refused
 * command is simply forgotten; if a command is refused after it wrote ({@link WriteTracking}),
 * the group is rolled back and run again with a savepoint per command. A group that fails as a
 * whole is retried one command at a time. An HTTP request is answered only after its commands
 * committed.
 */
public final class CommandService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommandService.class);
    private static final Set<Role> SELLERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.BOX_OFFICE, Role.COORDINATOR);
    private static final Set<Role> INVENTORY_MANAGERS = EnumSet.of(Role.ADMIN, Role.MANAGER);
    private static final Set<Role> SCANNERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.GATE);
    /** Allotments and conflicts: managers for any device, a box office for its own (checked by the service). */
    private static final Set<Role> ALLOTTERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.BOX_OFFICE);
    private static final Duration SKEW_REPORT_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_GROUP = 100;
    /** A group stops taking commands after this long, so other writers (hold expiry, log-ins) wait little. */
    private static final long MAX_GROUP_NANOS = Duration.ofMillis(100).toNanos();
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final Writer writer;
    private final InventoryService inventory;
    private final SalesService sales;
    private final AuthService auth;
    private final ScanLog scans;
    private final AllotmentService allotments;
    private final OfflineSales offline;
    private final ObjectMapper json;
    private final Map<String, Instant> skewReported = new ConcurrentHashMap<>();
    /** Whole batches (or pieces of {@link #MAX_GROUP}): a push is not split between transactions by a race. */
    private final BlockingQueue<List<Pending>> queue = new LinkedBlockingQueue<>();
    private final Thread applier;
    private volatile boolean running = true;

    private record Pending(Principal principal, CommandEnvelope envelope, CompletableFuture<CommandResult> result) {
    }

    /** A command's stored outcome, with the kind of command it was for. */
    private record StoredResult(String commandType, CommandResult result) {
        /** The stored result again, or a refusal if the key now comes with another kind of command. */
        CommandResult answerTo(CommandEnvelope envelope) {
            if (!commandType.equals(typeOf(envelope.command()))) {
                return new CommandResult(envelope.key(), CommandResult.Status.REJECTED, ErrorCode.KEY_REUSED.name(),
                        "This idempotency key was used for a " + commandType + " command.", null, 0, result.appliedAt(), true);
            }
            return result.asReplay();
        }
    }

    public CommandService(Writer writer, InventoryService inventory, SalesService sales, AuthService auth, ObjectMapper json) {
        this(writer, inventory, sales, auth, new ScanLog(), json);
    }

    public CommandService(Writer writer, InventoryService inventory, SalesService sales, AuthService auth, ScanLog scans,
                          ObjectMapper json) {
        this(writer, inventory, sales, auth, scans, null, null, json);
    }

    /** With the offline commands (allotments, offline sales, conflicts; docs/offline.md). */
    public CommandService(Writer writer, InventoryService inventory, SalesService sales, AuthService auth, ScanLog scans,
                          AllotmentService allotments, OfflineSales offline, ObjectMapper json) {
        this.scans = scans;
        this.allotments = allotments;
        this.offline = offline;
        this.writer = writer;
        this.inventory = inventory;
        this.sales = sales;
        this.auth = auth;
        this.json = json;
        this.applier = new Thread(this::applyLoop, "command-applier");
        applier.setDaemon(true);
        applier.start();
    }

    /** The roles that may send a kind of command; the route admits every staff role and this decides per command. */
    public static Set<Role> rolesFor(Command command) {
        if (command instanceof Commands.BlockSeats || command instanceof Commands.UnblockSeats
                || command instanceof Commands.ChangePerformanceStatus || command instanceof Commands.SetProvisionalPolicy) {
            return INVENTORY_MANAGERS;
        }
        if (command instanceof Commands.AllotSeats || command instanceof Commands.RequestStandingAllotment
                || command instanceof Commands.ReleaseAllotment || command instanceof Commands.ResolveConflict) {
            return ALLOTTERS;
        }
        if (command instanceof Commands.RecordScans) {
            return SCANNERS;
        }
        return SELLERS;
    }

    public CommandResults apply(Principal principal, CommandBatch batch) {
        Instant received = writer.clock().instant();
        if (batch.sentAt() != null && !InstantMillisConverter.supports(batch.sentAt())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "sentAt lies between the years 0000 and 9999.");
        }
        if (batch.commands().size() > CommandBatch.MAX_COMMANDS) {
            throw new ApiException(ErrorCode.BATCH_TOO_LARGE, "At most " + CommandBatch.MAX_COMMANDS + " commands per batch.");
        }
        for (CommandEnvelope envelope : batch.commands()) {
            if (envelope == null || envelope.key() == null || envelope.command() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every command needs a key and a command.");
            }
            if (envelope.deviceTime() != null && !InstantMillisConverter.supports(envelope.deviceTime())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A deviceTime lies between the years 0000 and 9999.");
            }
        }
        // Replays are recognised by the applier inside its transaction: one look-up per group of
        // commands instead of a read per request.
        List<CompletableFuture<CommandResult>> answers = new ArrayList<>(batch.commands().size());
        for (CommandEnvelope envelope : batch.commands()) {
            if (envelope.command() instanceof Commands.SellSeats sale) {
                sales.presign(sale);
            }
        }
        List<Commands.SellOffline> offlineSales = batch.commands().stream().map(CommandEnvelope::command)
                .filter(Commands.SellOffline.class::isInstance).map(Commands.SellOffline.class::cast).toList();
        if (offline != null && !offlineSales.isEmpty()) {
            try {
                writer.database().read(session -> {
                    offline.preverify(session, principal.deviceId(), offlineSales);
                    return null;
                });
            } catch (RuntimeException e) {
                // Only a head start: the applier checks every signature preverify did not.
                log.debug("could not check offline tickets ahead", e);
            }
        }
        try {
            return applyQueued(principal, batch, answers, received);
        } finally {
            for (CommandEnvelope envelope : batch.commands()) {
                if (envelope.command() instanceof Commands.SellSeats sale) {
                    sales.discardPresigned(sale);
                }
            }
            if (offline != null && !offlineSales.isEmpty()) {
                offline.discardPreverified(offlineSales);
            }
        }
    }

    private CommandResults applyQueued(Principal principal, CommandBatch batch, List<CompletableFuture<CommandResult>> answers,
                                       Instant received) {
        List<Pending> pending = new ArrayList<>(batch.commands().size());
        for (CommandEnvelope envelope : batch.commands()) {
            CompletableFuture<CommandResult> answer = new CompletableFuture<>();
            pending.add(new Pending(principal, envelope, answer));
            answers.add(answer);
        }
        // In pieces of at most a group: a push of up to a group's size is applied in one transaction.
        for (int from = 0; from < pending.size(); from += MAX_GROUP) {
            queue.add(pending.subList(from, Math.min(pending.size(), from + MAX_GROUP)));
        }
        List<CommandResult> results = new ArrayList<>(answers.size());
        long lastSeq = 0;
        for (CompletableFuture<CommandResult> answer : answers) {
            CommandResult result = await(answer);
            results.add(result);
            lastSeq = Math.max(lastSeq, result.seq());
        }
        // Only a batch that changed something measures the clock: a refused batch leaves no trace (not even an audit entry).
        if (results.stream().anyMatch(r -> !r.replayed() && r.status() != CommandResult.Status.REJECTED)) {
            reportSkew(principal, batch.sentAt(), received);
        }
        return new CommandResults(results, lastSeq);
    }

    private static CommandResult await(CompletableFuture<CommandResult> answer) {
        try {
            return answer.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the command was applied", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the command was not applied within " + MAX_WAIT.toSeconds() + " s", e);
        }
    }

    private void applyLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        List<Pending> carried = new ArrayList<>();
        while (running) {
            try {
                if (carried.isEmpty()) {
                    List<Pending> first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    group.addAll(first);
                } else {
                    group.addAll(carried);
                    carried.clear();
                }
                // More whole batches while they fit.
                for (List<Pending> next = queue.peek(); next != null && group.size() + next.size() <= MAX_GROUP; next = queue.peek()) {
                    group.addAll(queue.poll());
                }
                int applied = applyGroup(group);
                carried.addAll(group.subList(applied, group.size()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("command applier failed", e);
                group.forEach(p -> p.result().completeExceptionally(e));
                carried.clear();
            } finally {
                group.clear();
            }
        }
    }

    /** Applies the group's commands from the first on, in one transaction; returns how many it applied. */
    private int applyGroup(List<Pending> group) {
        List<CommandResult> results;
        try {
            try {
                results = writer.write(Principal.SYSTEM, ctx -> applyInOneTransaction(ctx, group, false)).value();
            } catch (UndoNeeded e) {
                results = writer.write(Principal.SYSTEM, ctx -> applyInOneTransaction(ctx, group, true)).value();
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                log.error("command {} failed", group.get(0).envelope().key(), e);
                group.get(0).result().completeExceptionally(e);
                return 1;
            }
            // Something failed the group as a whole (a race on a key, a lost connection): apply each
            // command alone, so only the guilty one fails.
            log.warn("a group of {} commands failed ({}); applying them one by one", group.size(), e.toString());
            for (Pending pending : group) {
                applyGroup(List.of(pending));
            }
            return group.size();
        }
        for (int i = 0; i < results.size(); i++) {
            group.get(i).result().complete(results.get(i));
        }
        return results.size();
    }

    /**
     * Thrown when a command was refused after it wrote, in a group run without savepoints, or when
     * seats the group's sales took in memory were no longer free to write: the group's transaction
     * is rolled back and the group run again with savepoints (and no batching).
     */
    private static final class UndoNeeded extends RuntimeException {
        UndoNeeded() {
            super("a refused command had written; the group runs again with savepoints", null, false, false);
        }
    }

    private List<CommandResult> applyInOneTransaction(WriteContext ctx, List<Pending> group, boolean savepoints) {
        Session session = ctx.session();
        List<String> keys = group.stream().map(p -> p.envelope().key().toString()).distinct().toList();
        Map<String, StoredResult> known = new HashMap<>(storedResults(session, keys));
        List<Command> unknown = group.stream().filter(p -> !known.containsKey(p.envelope().key().toString()))
                .map(p -> p.envelope().command()).toList();
        sales.prefetchIds(ctx, unknown);
        inventory.prefetchSeatsOfSales(ctx, unknown, !savepoints);
        CommandResult[] results = new CommandResult[group.size()];
        int[] lastChange = new int[group.size()];
        boolean[] fresh = new boolean[group.size()];
        long started = System.nanoTime();
        int count = 0;
        // Whether sales of this group left their rows unflushed in the session (see deferrable).
        boolean unflushed = false;
        for (int i = 0; i < group.size(); i++) {
            if (i > 0 && System.nanoTime() - started > MAX_GROUP_NANOS) {
                break;
            }
            count = i + 1;
            Pending pending = group.get(i);
            CommandEnvelope envelope = pending.envelope();
            String key = envelope.key().toString();
            StoredResult replay = known.get(key);
            if (replay != null) {
                results[i] = replay.answerTo(envelope);
                lastChange[i] = -1;
                continue;
            }
            ctx.actAs(pending.principal(), envelope.deviceTime());
            Command command = envelope.command();
            int mark = ctx.changeMark();
            WriteContext.UndoMark undoMark = ctx.undoMark();
            if (!rolesFor(command).contains(pending.principal().role())) {
                results[i] = rejection(envelope, new ApiException(ErrorCode.FORBIDDEN_ROLE,
                        "The " + pending.principal().role().wireName() + " role may not " + typeOf(command) + "."), ctx.now());
            } else {
                boolean deferrable = !savepoints && deferrable(command);
                if (unflushed && !deferrable) {
                    session.flush();
                    session.clear();
                    unflushed = false;
                }
                Savepoint savepoint = null;
                if (savepoints) {
                    session.flush();
                    savepoint = session.doReturningWork(connection -> connection.setSavepoint());
                }
                long writes = WriteTracking.writes();
                int insertions = pendingInsertions(session);
                try {
                    Map<String, Object> data = dispatch(ctx, command, envelope.deviceTime());
                    if (deferrable) {
                        unflushed = true;
                    } else {
                        // Written and forgotten: later commands of the group must not dirty-check this one's entities.
                        session.flush();
                        session.clear();
                    }
                    results[i] = new CommandResult(envelope.key(), statusOf(data), null, null, data, 0, ctx.now(), false);
                } catch (ApiException refusal) {
                    if (savepoint == null && WriteTracking.writes() != writes) {
                        throw new UndoNeeded();
                    }
                    if (deferrable) {
                        // Earlier sales' rows wait in the session, so it is not cleared: the refused sale
                        // put nothing there (a sale checks everything before its first persist);
                        // should it ever have, the group runs again the safe way.
                        if (pendingInsertions(session) != insertions) {
                            throw new UndoNeeded();
                        }
                        ctx.discardSince(mark, undoMark);
                    } else {
                        undo(ctx, savepoint, mark, undoMark);
                    }
                    results[i] = rejection(envelope, refusal, ctx.now());
                }
            }
            lastChange[i] = ctx.changeMark() - 1;
            if (lastChange[i] < mark) {
                lastChange[i] = -1;
            }
            fresh[i] = true;
            known.put(key, new StoredResult(typeOf(command), results[i]));
        }
        if (!inventory.writeReservedSeats(ctx)) {
            throw new UndoNeeded();
        }
        if (unflushed) {
            session.flush();
        }
        ctx.actAs(Principal.SYSTEM);
        long first = ctx.publishNow();
        for (int i = 0; i < count; i++) {
            if (!fresh[i]) {
                continue;
            }
            CommandResult result = results[i];
            long seq = lastChange[i] >= 0 ? first + lastChange[i] : 0;
            results[i] = new CommandResult(result.key(), result.status(), result.code(), result.message(), result.data(), seq,
                    result.appliedAt(), false);
            session.persist(logEntry(group.get(i).principal(), group.get(i).envelope(), ctx.now(), results[i]));
        }
        return List.copyOf(java.util.Arrays.asList(results).subList(0, count));
    }

    /**
     * Sales are flushed together, not one by one: each one's order, ticket and payment rows are three
     * round trips to the database when flushed alone (on PostgreSQL about a third of an offline
     * reconcile's statements). Their rows wait in the session until another kind of command or the
     * end of the group; that holds only because a sale is refused, if at all, before it persists
     * anything ({@code SalesService.sell}, {@code OfflineSales.sell}).
     */
    private static boolean deferrable(Command command) {
        return command instanceof Commands.SellOffline || command instanceof Commands.SellSeats;
    }

    private static int pendingInsertions(Session session) {
        return session.unwrap(org.hibernate.engine.spi.SessionImplementor.class).getActionQueue().numberOfInsertions();
    }

    /**
     * Forgets a refused command: what it left unflushed in the session, what it recorded for the
     * feed, the audit trail and the ids it claimed and, if it may have written, what it wrote
     * (back to its savepoint; {@code savepoint} is null when it wrote nothing).
     */
    private static void undo(WriteContext ctx, Savepoint savepoint, int mark, WriteContext.UndoMark undoMark) {
        Session session = ctx.session();
        session.clear();
        if (savepoint != null) {
            session.doWork(connection -> connection.rollback(savepoint));
        }
        ctx.discardSince(mark, undoMark);
    }

    private static CommandResult rejection(CommandEnvelope envelope, ApiException refusal, Instant now) {
        return new CommandResult(envelope.key(), CommandResult.Status.REJECTED, refusal.code().name(), refusal.getMessage(),
                refusal.details(), 0, now, false);
    }

    private Map<String, Object> dispatch(WriteContext ctx, Command command, Instant deviceTime) {
        if (command instanceof Commands.HoldSeats c) {
            return inventory.hold(ctx, c);
        } else if (command instanceof Commands.ReleaseHold c) {
            return inventory.release(ctx, c);
        } else if (command instanceof Commands.SellSeats c) {
            return sales.sell(ctx, c, deviceTime);
        } else if (command instanceof Commands.RefundTickets c) {
            return sales.refund(ctx, c);
        } else if (command instanceof Commands.BlockSeats c) {
            return inventory.block(ctx, c);
        } else if (command instanceof Commands.UnblockSeats c) {
            return inventory.unblock(ctx, c);
        } else if (command instanceof Commands.ChangePerformanceStatus c) {
            return ProgrammeSetup.changeStatus(ctx, c);
        } else if (command instanceof Commands.RecordScans c) {
            return scans.record(ctx, c);
        } else if (command instanceof Commands.SetProvisionalPolicy c) {
            return ProgrammeSetup.setProvisionalPolicy(ctx, c);
        } else if (allotments != null && command instanceof Commands.AllotSeats c) {
            return allotments.allot(ctx, c);
        } else if (allotments != null && command instanceof Commands.RequestStandingAllotment c) {
            return allotments.requestStanding(ctx, c);
        } else if (allotments != null && command instanceof Commands.ReleaseAllotment c) {
            return allotments.release(ctx, c);
        } else if (offline != null && command instanceof Commands.SellOffline c) {
            return offline.sell(ctx, c);
        } else if (offline != null && command instanceof Commands.ResolveConflict c) {
            return offline.resolve(ctx, c);
        } else if (command instanceof Commands.ExchangeTickets c) {
            return sales.exchange(ctx, c, deviceTime);
        }
        throw new IllegalStateException("no handler for " + typeOf(command));
    }

    /**
     * An offline sale the server could not place was applied (its order and payments are kept) but
     * waits for staff: its result says CONFLICT, so the device shows it in the conflicts inbox.
     */
    private static CommandResult.Status statusOf(Map<String, Object> data) {
        return data != null && ReconcileOutcome.CONFLICT.name().equals(data.get("outcome"))
                ? CommandResult.Status.CONFLICT : CommandResult.Status.APPLIED;
    }

    private Map<String, StoredResult> storedResults(Session session, List<String> keys) {
        Map<String, StoredResult> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            for (String[] row : Sql.query(session, "SELECT idem_key, command_type, result FROM command_log WHERE idem_key IN (?*)",
                    chunk, r -> new String[]{r.getString(1), r.getString(2), r.getString(3)})) {
                found.put(row[0], new StoredResult(row[1], parse(row[0], row[2])));
            }
        }
        return found;
    }

    private CommandResult parse(String key, String result) {
        try {
            return json.readValue(result, CommandResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result of " + key + " is not readable", e);
        }
    }

    private CommandLogEntry logEntry(Principal principal, CommandEnvelope envelope, Instant now, CommandResult result) {
        try {
            return new CommandLogEntry(envelope.key().toString(), principal.deviceId(), principal.userId(),
                    typeOf(envelope.command()), now, envelope.deviceTime(), result.status().name(), json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command result is not serialisable", e);
        }
    }

    /**
     * Measures the device's clock on the batch's send time against the server's receive time. A
     * command's own {@code deviceTime} says when it was made (an offline sale may be hours old), so
     * it measures nothing about the clock and is only stored. A large skew is logged here and put in
     * the audit trail by {@link AuthService#deviceSeen}.
     */
    private void reportSkew(Principal principal, Instant sentAt, Instant received) {
        if (sentAt == null || principal.deviceId() == null) {
            return;
        }
        Instant last = skewReported.get(principal.deviceId());
        if (last != null && Duration.between(last, received).compareTo(SKEW_REPORT_INTERVAL) < 0) {
            return;
        }
        skewReported.put(principal.deviceId(), received);
        long skew = Duration.between(received, sentAt).toMillis();
        if (CommandBatch.isLargeSkew(skew)) {
            log.warn("device {} clock is {} s off the server's", principal.deviceId(), skew / 1000);
        }
        try {
            auth.deviceSeen(principal.deviceId(), skew);
        } catch (RuntimeException e) {
            log.debug("could not record skew of {}", principal.deviceId(), e);
        }
    }

    static String typeOf(Command command) {
        return command.getClass().getSimpleName();
    }

    @Override
    public void close() {
        running = false;
        applier.interrupt();
        try {
            applier.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left;
        while ((left = queue.poll()) != null) {
            left.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the server is stopping")));
        }
    }
}
