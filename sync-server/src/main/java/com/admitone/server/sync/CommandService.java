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
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.sales.SalesService;
import com.admitone.server.storage.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies command batches exactly once (DESIGN.md invariant 2): each command in its own
 * transaction together with its entry in the command log, so a repeated idempotency key finds the
 * stored result and changes nothing. A refusal is stored too, so a retry gets the same answer.
 */
public final class CommandService {
    private static final Logger log = LoggerFactory.getLogger(CommandService.class);
    private static final Set<Role> SELLERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.BOX_OFFICE, Role.COORDINATOR);
    private static final Set<Role> INVENTORY_MANAGERS = EnumSet.of(Role.ADMIN, Role.MANAGER);
    private static final Duration SKEW_REPORT_INTERVAL = Duration.ofSeconds(30);

    private final Writer writer;
    private final Database database;
    private final InventoryService inventory;
    private final SalesService sales;
    private final AuthService auth;
    private final ObjectMapper json;
    private final Map<String, Instant> skewReported = new ConcurrentHashMap<>();

    public CommandService(Writer writer, InventoryService inventory, SalesService sales, AuthService auth, ObjectMapper json) {
        this.writer = writer;
        this.database = writer.database();
        this.inventory = inventory;
        this.sales = sales;
        this.auth = auth;
        this.json = json;
    }

    /** The roles that may send a kind of command; the route admits every staff role and this decides per command. */
    public static Set<Role> rolesFor(Command command) {
        if (command instanceof Commands.BlockSeats || command instanceof Commands.UnblockSeats) {
            return INVENTORY_MANAGERS;
        }
        return SELLERS;
    }

    public CommandResults apply(Principal principal, CommandBatch batch) {
        if (batch.commands().size() > CommandBatch.MAX_COMMANDS) {
            throw new ApiException(ErrorCode.BATCH_TOO_LARGE, "At most " + CommandBatch.MAX_COMMANDS + " commands per batch.");
        }
        for (CommandEnvelope envelope : batch.commands()) {
            if (envelope == null || envelope.key() == null || envelope.command() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every command needs a key and a command.");
            }
        }
        List<CommandResult> results = new ArrayList<>(batch.commands().size());
        long lastSeq = 0;
        for (CommandEnvelope envelope : batch.commands()) {
            CommandResult result = applyOne(principal, envelope);
            results.add(result);
            lastSeq = Math.max(lastSeq, result.seq());
        }
        reportSkew(principal, batch);
        return new CommandResults(results, lastSeq);
    }

    private CommandResult applyOne(Principal principal, CommandEnvelope envelope) {
        String key = envelope.key().toString();
        CommandResult stored = database.read(s -> storedResult(s, key));
        if (stored != null) {
            return stored.asReplay();
        }
        Command command = envelope.command();
        if (!rolesFor(command).contains(principal.role())) {
            return storeRejection(principal, envelope, new ApiException(ErrorCode.FORBIDDEN_ROLE,
                    "The " + principal.role().wireName() + " role may not " + typeOf(command) + "."));
        }
        try {
            Writer.Written<CommandResult> written = writer.write(principal, ctx -> {
                CommandResult again = storedResult(ctx.session(), key);
                if (again != null) {
                    return again.asReplay();
                }
                Map<String, Object> data = dispatch(ctx, command, envelope.deviceTime());
                CommandResult result = new CommandResult(envelope.key(), CommandResult.Status.APPLIED, null, null, data,
                        ctx.publishNow(), ctx.now(), false);
                ctx.session().persist(logEntry(principal, envelope, ctx.now(), result));
                return result;
            });
            return written.value();
        } catch (ApiException refusal) {
            return storeRejection(principal, envelope, refusal);
        } catch (ConstraintViolationException race) {
            // Another node or request stored this key first: answer with its result.
            CommandResult winner = database.read(s -> storedResult(s, key));
            if (winner != null) {
                return winner.asReplay();
            }
            throw race;
        }
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
        }
        throw new IllegalStateException("no handler for " + typeOf(command));
    }

    private CommandResult storeRejection(Principal principal, CommandEnvelope envelope, ApiException refusal) {
        CommandResult rejected = new CommandResult(envelope.key(), CommandResult.Status.REJECTED, refusal.code().name(),
                refusal.getMessage(), refusal.details(), 0, writer.clock().instant(), false);
        try {
            return writer.write(principal, ctx -> {
                CommandResult again = storedResult(ctx.session(), envelope.key().toString());
                if (again != null) {
                    return again.asReplay();
                }
                ctx.session().persist(logEntry(principal, envelope, ctx.now(), rejected));
                return rejected;
            }).value();
        } catch (ConstraintViolationException race) {
            CommandResult winner = database.read(s -> storedResult(s, envelope.key().toString()));
            return winner == null ? rejected : winner.asReplay();
        }
    }

    private CommandResult storedResult(Session session, String key) {
        CommandLogEntry entry = session.find(CommandLogEntry.class, key);
        if (entry == null) {
            return null;
        }
        try {
            return json.readValue(entry.result, CommandResult.class);
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

    private void reportSkew(Principal principal, CommandBatch batch) {
        Instant deviceTime = batch.commands().isEmpty() ? null : batch.commands().get(batch.commands().size() - 1).deviceTime();
        if (deviceTime == null) {
            return;
        }
        Instant now = writer.clock().instant();
        Instant last = skewReported.get(principal.deviceId());
        if (last != null && Duration.between(last, now).compareTo(SKEW_REPORT_INTERVAL) < 0) {
            return;
        }
        skewReported.put(principal.deviceId(), now);
        long skew = Duration.between(now, deviceTime).toMillis();
        if (Math.abs(skew) > 60_000) {
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
}
