package com.admitone.server;

import com.admitone.server.audit.AuditEntry;
import com.admitone.server.audit.AuditTrail;
import com.admitone.server.auth.AuthController;
import com.admitone.server.auth.AuthService;
import com.admitone.server.auth.Device;
import com.admitone.server.auth.StaffSession;
import com.admitone.server.auth.StaffUser;
import com.admitone.server.demo.DemoData;
import com.admitone.server.feed.ChangeEntry;
import com.admitone.server.feed.ChangeFeed;
import com.admitone.server.feed.LivePush;
import com.admitone.server.http.Access;
import com.admitone.server.http.AccessControl;
import com.admitone.server.http.ApiDocs;
import com.admitone.server.http.ApiJsonMapper;
import com.admitone.server.http.Json;
import com.admitone.server.http.ProblemResponses;
import com.admitone.server.http.QueryTextGuard;
import com.admitone.server.http.RouteInfo;
import com.admitone.server.inventory.AllotmentService;
import com.admitone.server.inventory.AreaStatus;
import com.admitone.server.inventory.HoldArea;
import com.admitone.server.inventory.HoldExpiry;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.inventory.SeatHold;
import com.admitone.server.inventory.SeatStatus;
import com.admitone.server.keys.SigningKeyRecord;
import com.admitone.server.keys.TicketSigner;
import com.admitone.server.programme.Event;
import com.admitone.server.programme.Performance;
import com.admitone.server.programme.Price;
import com.admitone.server.programme.ProgrammeController;
import com.admitone.server.programme.ProgrammeQueries;
import com.admitone.server.sales.CustomerOrder;
import com.admitone.server.sales.OfflineSales;
import com.admitone.server.sales.OrderController;
import com.admitone.server.sales.OrderQueries;
import com.admitone.server.sales.Payment;
import com.admitone.server.sales.SalesService;
import com.admitone.server.sales.Ticket;
import com.admitone.server.storage.Database;
import com.admitone.server.sync.CommandLogEntry;
import com.admitone.server.sync.CommandService;
import com.admitone.server.sync.SyncController;
import com.admitone.server.sync.Writer;
import com.admitone.server.venue.GaArea;
import com.admitone.server.venue.Seat;
import com.admitone.server.venue.Section;
import com.admitone.server.venue.Venue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static io.javalin.apibuilder.ApiBuilder.sse;

/**
 * The sync server: wires storage, services and the HTTP API, and owns their life cycle.
 * Every route is declared here, each with the roles that may call it.
 */
public final class AdmitOneServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdmitOneServer.class);
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    static final List<Class<?>> ENTITIES = List.of(ChangeEntry.class, AuditEntry.class, StaffUser.class, Device.class,
            StaffSession.class, SigningKeyRecord.class, Venue.class, Section.class, Seat.class, GaArea.class, Event.class,
            Performance.class, Price.class, SeatStatus.class, AreaStatus.class, SeatHold.class, HoldArea.class,
            CustomerOrder.class, Ticket.class, Payment.class, CommandLogEntry.class, com.admitone.server.gate.Scan.class,
            com.admitone.server.inventory.Allotment.class, com.admitone.server.keys.DeviceKeyRecord.class,
            com.admitone.server.sales.OfflineConflict.class);

    private final Database database;
    private final LivePush push;
    private final CommandService commands;
    private final HoldExpiry holdExpiry;
    private final Javalin app;
    private final Writer writer;
    private final Instant startedAt;
    private final List<RouteInfo> routes = new CopyOnWriteArrayList<>();

    private AdmitOneServer(ServerConfig config) {
        this.startedAt = config.clock().instant();
        ObjectMapper json = Json.mapper();
        this.database = Database.open(config.database(), ENTITIES);
        try {
            ChangeFeed feed = new ChangeFeed(database, json);
            this.push = new LivePush(feed, config.pushPollMillis());
            this.writer = new Writer(database, feed, push, json, config.clock());
            TicketSigner signer = TicketSigner.loadOrCreate(database, writer);
            AuthService auth = new AuthService(database, writer, new com.admitone.server.keys.DeviceKeys(signer));
            InventoryService inventory = new InventoryService();
            com.admitone.server.programme.ReferenceData reference = new com.admitone.server.programme.ReferenceData();
            SalesService sales = new SalesService(inventory, signer, reference);
            AllotmentService allotments = new AllotmentService();
            this.commands = new CommandService(writer, inventory, sales, auth, new com.admitone.server.gate.ScanLog(), allotments,
                    new OfflineSales(allotments, signer, reference), json);
            if (config.demo()) {
                DemoData.load(writer, auth, config.demoDays());
            } else if (!auth.hasUsers()) {
                createFirstAdmin(auth, config.dataDir());
            }
            this.holdExpiry = new HoldExpiry(writer, inventory, allotments, config.holdExpiryPeriodMillis());
            this.app = createApp(json, auth, feed, commands, new ProgrammeQueries(database), new OrderQueries(database),
                    new AuditTrail(database), signer);
            app.start(config.port());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        log.info("AdmitOne server listening on port {} ({} database)", port(), database.kind().name().toLowerCase());
    }

    public static AdmitOneServer start(ServerConfig config) {
        return new AdmitOneServer(config);
    }

    private Javalin createApp(ObjectMapper json, AuthService auth, ChangeFeed feed, CommandService commands,
                              ProgrammeQueries programme, OrderQueries orders, AuditTrail audit, TicketSigner signer) {
        AuthController authRoutes = new AuthController(auth);
        SyncController syncRoutes = new SyncController(commands, feed, push);
        ProgrammeController programmeRoutes = new ProgrammeController(programme, writer.clock());
        OrderController orderRoutes = new OrderController(orders);
        com.admitone.server.sales.ConflictQueries conflictRoutes = new com.admitone.server.sales.ConflictQueries(database);
        com.admitone.server.sales.ApprovalController approvalRoutes = new com.admitone.server.sales.ApprovalController(
                new com.admitone.server.sales.RefundApprovals(auth, writer));
        ApiDocs docs = new ApiDocs();
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new ApiJsonMapper(json));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(ProblemResponses.jettyErrorHandler(json)));
            config.staticFiles.enableWebjars();
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(new RouteInfo(handler.getHttpMethod().name(), handler.getPath(), handler.getRoles().stream()
                            .map(String::valueOf).collect(Collectors.toUnmodifiableSet())));
                }
            });
            config.router.apiBuilder(() -> {
                get("/health", ctx -> ctx.json(health()), Access.ANYONE);
                get("/openapi.json", docs::document, Access.ANYONE);
                get("/openapi", docs::page, Access.ANYONE);

                post("/api/auth/login", authRoutes::login, Access.ANYONE);
                post("/api/auth/logout", authRoutes::logout, Access.STAFF);
                get("/api/auth/me", authRoutes::me, Access.STAFF);
                post("/api/devices/enrol", authRoutes::enrol, Access.ANYONE);
                // Open like log-in: the device proves itself with its own X-Device-Id and X-Device-Secret.
                post("/api/devices/key", authRoutes::certifyKey, Access.ANYONE);
                get("/api/devices", authRoutes::devices, Access.MANAGERS);
                post("/api/devices/{deviceId}/revoke", authRoutes::revoke, Access.MANAGERS);
                get("/api/users", authRoutes::users, Access.ADMIN);
                post("/api/users", authRoutes::createUser, Access.ADMIN);

                post("/api/commands", syncRoutes::commands, Access.STAFF);
                get("/api/changes", syncRoutes::changes, Access.STAFF);
                sse("/api/changes/stream", syncRoutes::stream, Access.STAFF);

                get("/api/performances", programmeRoutes::performances, Access.STAFF);
                get("/api/performances/{performanceId}/seats", programmeRoutes::seatMap, Access.STAFF);
                get("/api/orders", orderRoutes::search, Access.SELLERS);
                get("/api/orders/{order}", orderRoutes::find, Access.SELLERS);
                get("/api/conflicts", conflictRoutes::list, Access.MANAGERS);
                post("/api/approvals", approvalRoutes::approve, Access.SELLERS);
                get("/api/venues/{venueId}/refund-policy", approvalRoutes::policy, Access.STAFF);
                put("/api/venues/{venueId}/refund-policy", approvalRoutes::setPolicy, Access.MANAGERS);
                get("/api/keys", ctx -> ctx.json(signer.publicKeys()), Access.STAFF);
                get("/api/audit", ctx -> ctx.json(audit.recent(
                        Instant.ofEpochMilli(ctx.queryParamAsClass("sinceMs", Long.class).getOrDefault(0L)),
                        ctx.queryParam("entityId"),
                        ctx.queryParamAsClass("limit", Integer.class).getOrDefault(200))), Access.MANAGERS);
            });
        });
        javalin.beforeMatched(new AccessControl(auth));
        javalin.beforeMatched(new QueryTextGuard());
        ProblemResponses.install(javalin);
        return javalin;
    }

    private Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("version", Version.current());
        health.put("database", database.kind().name().toLowerCase());
        health.put("startedAt", startedAt.toString());
        health.put("subscribers", push.subscribers());
        return health;
    }

    /** Without demo data a fresh server needs one admin; its password is written to the data folder, once. */
    private static void createFirstAdmin(AuthService auth, Path dataDir) {
        String password = java.util.UUID.randomUUID().toString().substring(0, 18);
        auth.createUser(com.admitone.server.auth.Principal.SYSTEM, "admin", "Administrator", com.admitone.model.auth.Role.ADMIN, password);
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("initial-admin-password.txt");
            Files.writeString(file, "username: admin\npassword: " + password + "\n");
            log.warn("created the first admin account; its password is in {}", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first admin's password to " + dataDir, e);
        }
    }

    /** Every HTTP route the server registered, in the order they were declared, with its roles; for tests and docs. */
    public List<RouteInfo> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    public Writer writer() {
        return writer;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            commands.close();
            holdExpiry.close();
            push.close();
            database.close();
        }
    }
}
