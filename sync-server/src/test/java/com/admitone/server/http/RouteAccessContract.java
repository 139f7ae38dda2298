package com.admitone.server.http;

import com.admitone.server.AdmitOneServer;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against every caller, allowed and denied. The expected matrix is written out here,
 * independently of the roles the server declares, and must name every route the server registers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RouteAccessContract {

    /** Who sends a request: nobody logged in, or a member of staff with one role. */
    enum Caller {
        ANONYMOUS(null), ADMIN("admin"), MANAGER("manager"), BOX_OFFICE("boxoffice"), GATE("gate"), COORDINATOR("coordinator");

        final String demoUser;

        Caller(String demoUser) {
            this.demoUser = demoUser;
        }
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> STAFF = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> MANAGERS = EnumSet.of(Caller.ADMIN, Caller.MANAGER);
    private static final Set<Caller> SELLERS = EnumSet.of(Caller.ADMIN, Caller.MANAGER, Caller.BOX_OFFICE, Caller.COORDINATOR);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

    /** How a route is tried: a harmless request, or one that is invalid but only past the access check. */
    enum Probe { PLAIN, EVENT_STREAM, OWN_SESSION }

    /** One row of the matrix: a route template, a concrete request for it, and who may call it. */
    record Expected(String method, String template, String request, String body, Probe probe, Set<Caller> allowed) {
        String route() {
            return method + " " + template;
        }
    }

    private static final List<Expected> MATRIX = List.of(
            get("/health", EVERYONE),
            get("/openapi.json", EVERYONE),
            get("/openapi", EVERYONE),
            // a broken body is refused before any credential is looked at
            post("/api/auth/login", "/api/auth/login", "{\"username\": ", EVERYONE),
            new Expected("POST", "/api/auth/logout", "/api/auth/logout", null, Probe.OWN_SESSION, STAFF),
            get("/api/auth/me", STAFF),
            // no device name: refused before any credential is looked at
            post("/api/devices/enrol", "/api/devices/enrol", "{}", EVERYONE),
            // no key: refused before the device's credentials are looked at
            post("/api/devices/key", "/api/devices/key", "{}", EVERYONE),
            get("/api/devices", MANAGERS),
            post("/api/devices/{deviceId}/revoke", "/api/devices/no-such-device/revoke", null, MANAGERS),
            get("/api/users", ADMINS),
            // no username: refused without creating anybody
            post("/api/users", "/api/users", "{}", ADMINS),
            post("/api/commands", "/api/commands", "{\"commands\": []}", STAFF),
            get("/api/changes", "/api/changes?after=0&limit=1", STAFF),
            new Expected("GET", "/api/changes/stream", "/api/changes/stream", null, Probe.EVENT_STREAM, STAFF),
            get("/api/performances", STAFF),
            get("/api/performances/{performanceId}/seats", "/api/performances/987654321/seats", STAFF),
            get("/api/orders", "/api/orders?q=nobody-of-that-name", SELLERS),
            get("/api/orders/{order}", "/api/orders/ZZZ-ZZZ", SELLERS),
            get("/api/conflicts", "/api/conflicts?status=OPEN", MANAGERS),
            post("/api/approvals", "/api/approvals", "{}", SELLERS),
            get("/api/venues/{venueId}/refund-policy", "/api/venues/987654321/refund-policy", STAFF),
            new Expected("PUT", "/api/venues/{venueId}/refund-policy", "/api/venues/987654321/refund-policy", "{}", Probe.PLAIN,
                    MANAGERS),
            get("/api/keys", STAFF),
            get("/api/audit", "/api/audit?limit=1", MANAGERS));

    private TestServer server;
    private final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 1);
        for (Caller caller : Caller.values()) {
            clients.put(caller, caller.demoUser == null ? new ApiClient(server.baseUrl()) : server.loginAs(caller.demoUser));
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Stream<Arguments> everyRouteAndCaller() {
        return MATRIX.stream().flatMap(route -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(route.method(), route.template(), caller)));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("everyRouteAndCaller")
    void eachCallerIsAllowedOrDeniedAsTheMatrixSays(String method, String template, Caller caller) {
        Expected route = MATRIX.stream().filter(r -> r.method().equals(method) && r.template().equals(template))
                .findFirst().orElseThrow();

        ApiClient.Response response = call(route, caller);

        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "..." : response.body();
        String what = route.route() + " as " + caller + " answered " + response.status() + " " + body;
        assertThat(response.status()).as(what).isLessThan(500);
        if (route.allowed().contains(caller)) {
            assertThat(response.status()).as(what).isNotIn(401, 403);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.isProblem()).as(what).isTrue();
            assertThat(response.code()).as(what).isEqualTo("UNAUTHENTICATED");
        } else {
            assertThat(response.status()).as(what).isEqualTo(403);
            assertThat(response.isProblem()).as(what).isTrue();
            assertThat(response.code()).as(what).isEqualTo("FORBIDDEN_ROLE");
        }
    }

    @Order(2)
    @Test
    void theMatrixNamesExactlyTheRoutesTheServerRegisters() {
        Set<String> registered = server.server().routes().stream()
                .map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = MATRIX.stream().map(Expected::route).collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered).as("routes the server registers").isNotEmpty();
        assertThat(tested).as("routes in the test matrix").hasSize(MATRIX.size());
        assertThat(registered).as("every registered route needs a row in the matrix").isSubsetOf(tested);
        assertThat(tested).as("every row of the matrix must be a registered route").isSubsetOf(registered);
    }

    @Order(2)
    @Test
    void everyRegisteredRouteDeclaresRoles() {
        for (RouteInfo route : server.server().routes()) {
            assertThat(route.roles()).as(route.method() + " " + route.path()).isNotEmpty();
        }
    }

    /** Runs last: probing must not have ended or broken the sessions it used. */
    @Order(3)
    @Test
    void theSessionsUsedForProbingAreStillValid() {
        for (Caller caller : STAFF) {
            assertThat(clients.get(caller).get("/api/auth/me").status()).as(caller.name()).isEqualTo(200);
        }
    }

    private ApiClient.Response call(Expected route, Caller caller) {
        ApiClient client = clients.get(caller);
        return switch (route.probe()) {
            case PLAIN -> route.body() == null
                    ? client.raw(route.method(), route.request(), null, null)
                    : client.raw(route.method(), route.request(), route.body(), "application/json");
            case EVENT_STREAM -> client.open(route.method(), route.request());
            // logging out ends the session it is sent with, so it gets a session of its own
            case OWN_SESSION -> (caller.demoUser == null ? client : server.loginAs(caller.demoUser))
                    .raw(route.method(), route.request(), null, null);
        };
    }

    private static Expected get(String path, Set<Caller> allowed) {
        return get(path, path, allowed);
    }

    private static Expected get(String template, String request, Set<Caller> allowed) {
        return new Expected("GET", template, request, null, Probe.PLAIN, allowed);
    }

    private static Expected post(String template, String request, String body, Set<Caller> allowed) {
        return new Expected("POST", template, request, body, Probe.PLAIN, allowed);
    }
}
