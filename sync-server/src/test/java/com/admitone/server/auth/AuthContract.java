package com.admitone.server.auth;

import com.admitone.server.testing.AdjustableClock;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log-in, throttling and locking, device revocation, log-out and enrolment, through the real HTTP
 * API. The server runs on a clock the test moves forward, so back-offs and locks need no waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthContract {
    private static final String PASSWORD = "correct horse 42";
    private static final AtomicInteger USERS = new AtomicInteger();

    private final AdjustableClock clock = new AdjustableClock();
    private TestServer server;
    private ApiClient admin;
    private ApiClient manager;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 1, clock);
        admin = server.loginAs("admin");
        manager = server.loginAs("manager");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneStillWorks() {
        String user = newUser("box_office");
        ApiClient counter = enrolledDevice("counter for " + user);

        ApiClient.Response wrong = counter.tryLogin(user, "not the password");
        ApiClient.Response unknown = counter.tryLogin("nobody-" + user, PASSWORD);

        assertProblem(wrong, 401, "BAD_CREDENTIALS");
        assertProblem(unknown, 401, "BAD_CREDENTIALS");
        assertThat(unknown.json().get("detail")).as("an unknown user reads the same as a wrong password")
                .isEqualTo(wrong.json().get("detail"));
        ApiClient.Response right = counter.tryLogin(user, PASSWORD);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("role").asText()).isEqualTo("box_office");
        assertThat(right.json().get("token").asText()).isNotBlank();
    }

    @Test
    void fiveFailuresThrottleFurtherAttemptsAndTenLockTheAccount() {
        String user = newUser("box_office");
        ApiClient counter = enrolledDevice("counter for " + user);

        for (int failure = 1; failure <= 5; failure++) {
            assertProblem(counter.tryLogin(user, "wrong " + failure), 401, "BAD_CREDENTIALS");
        }
        // Throttled even with the right password: the password is not even checked.
        ApiClient.Response throttled = counter.tryLogin(user, PASSWORD);
        assertProblem(throttled, 429, "LOGIN_THROTTLED");
        assertThat(throttled.json().at("/details/retryAfterSeconds").asLong()).isBetween(1L, 2L);

        // Each further failure doubles the wait: 1, 2, 4, 8, 16 seconds after the last one.
        for (int failure = 6; failure <= 10; failure++) {
            long wait = 1L << (failure - 6);
            assertProblem(counter.tryLogin(user, "wrong again"), 429, "LOGIN_THROTTLED");
            clock.advance(Duration.ofSeconds(wait));
            assertProblem(counter.tryLogin(user, "wrong " + failure), 401, "BAD_CREDENTIALS");
        }

        // The tenth failure locked the account: the right password is refused for 15 minutes.
        ApiClient.Response locked = counter.tryLogin(user, PASSWORD);
        assertProblem(locked, 423, "ACCOUNT_LOCKED");
        Instant lockedUntil = Instant.parse(locked.json().at("/details/lockedUntil").asText());
        assertThat(lockedUntil).isBetween(clock.instant().plus(Duration.ofMinutes(14)), clock.instant().plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(14));
        assertProblem(counter.tryLogin(user, PASSWORD), 423, "ACCOUNT_LOCKED");
        assertThat(enrolledDevice("other counter").tryLogin("boxoffice", "boxoffice-demo").status())
                .as("other staff are not held up by one user's failures").isEqualTo(200);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(counter.tryLogin(user, PASSWORD).status()).as("the lock has run out").isEqualTo(200);
        // A successful log-in starts the count afresh.
        assertProblem(counter.tryLogin(user, "wrong"), 401, "BAD_CREDENTIALS");
        assertThat(counter.tryLogin(user, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aRevokedDeviceIsRefusedAtItsNextRequestWhileOtherDevicesKeepWorking() {
        ApiClient revoked = enrolledDevice("counter to be revoked");
        revoked.login("boxoffice", "boxoffice-demo");
        ApiClient other = enrolledDevice("counter that stays");
        other.login("boxoffice", "boxoffice-demo");
        assertThat(revoked.get("/api/auth/me").status()).isEqualTo(200);

        ApiClient.Response revocation = manager.post("/api/devices/" + revoked.deviceId() + "/revoke", null);

        assertThat(revocation.status()).isEqualTo(200);
        assertThat(revocation.json().get("status").asText()).isEqualTo("REVOKED");
        assertProblem(revoked.get("/api/auth/me"), 403, "DEVICE_REVOKED");
        assertProblem(revoked.get("/api/performances"), 403, "DEVICE_REVOKED");
        assertProblem(revoked.post("/api/commands", Map.of("commands", java.util.List.of())), 403, "DEVICE_REVOKED");
        assertProblem(revoked.tryLogin("boxoffice", "boxoffice-demo"), 403, "DEVICE_REVOKED");
        assertThat(other.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(other.get("/api/performances").status()).isEqualTo(200);
        JsonNode listed = findDevice(revoked.deviceId());
        assertThat(listed.get("status").asText()).isEqualTo("REVOKED");
        assertThat(findDevice(other.deviceId()).get("status").asText()).isEqualTo("ACTIVE");
        // Revoking again changes nothing and is no error; an unknown device is a 404.
        assertThat(manager.post("/api/devices/" + revoked.deviceId() + "/revoke", null).status()).isEqualTo(200);
        assertProblem(manager.post("/api/devices/no-such-device/revoke", null), 404, "NOT_FOUND");
    }

    @Test
    void logoutEndsThatSessionOnly() {
        ApiClient counter = enrolledDevice("counter that logs out");
        counter.login("boxoffice", "boxoffice-demo");
        String first = counter.token();
        counter.login("boxoffice", "boxoffice-demo");
        String second = counter.token();
        assertThat(second).isNotEqualTo(first);

        counter.withToken(first);
        ApiClient.Response logout = counter.post("/api/auth/logout", null);

        assertThat(logout.status()).isEqualTo(204);
        assertProblem(counter.get("/api/auth/me"), 401, "UNAUTHENTICATED");
        assertProblem(counter.get("/api/performances"), 401, "UNAUTHENTICATED");
        assertProblem(counter.post("/api/auth/logout", null), 401, "UNAUTHENTICATED");
        counter.withToken(second);
        assertThat(counter.get("/api/auth/me").status()).as("another session of the same user and device").isEqualTo(200);
    }

    @Test
    void aLoginWithoutAnEnrolledDeviceIsRefused() {
        ApiClient noDevice = new ApiClient(server.baseUrl());
        ApiClient enrolled = enrolledDevice("real counter");

        assertProblem(noDevice.tryLogin("boxoffice", "boxoffice-demo"), 401, "DEVICE_UNKNOWN");
        assertProblem(new ApiClient(server.baseUrl()).withDevice(enrolled.deviceId(), null)
                .tryLogin("boxoffice", "boxoffice-demo"), 401, "DEVICE_UNKNOWN");
        assertProblem(new ApiClient(server.baseUrl()).withDevice(enrolled.deviceId(), "a guessed secret")
                .tryLogin("boxoffice", "boxoffice-demo"), 401, "DEVICE_UNKNOWN");
        assertProblem(new ApiClient(server.baseUrl()).withDevice("00000000-0000-0000-0000-000000000000", enrolled.deviceSecret())
                .tryLogin("boxoffice", "boxoffice-demo"), 401, "DEVICE_UNKNOWN");
        assertThat(enrolled.tryLogin("boxoffice", "boxoffice-demo").status()).isEqualTo(200);
    }

    @Test
    void onlyManagersAndAdminsCanEnrolADevice() {
        for (String user : new String[]{"boxoffice", "gate", "coordinator"}) {
            ApiClient.Response refused = new ApiClient(server.baseUrl())
                    .post("/api/devices/enrol", Map.of("name", "rogue " + user, "username", user, "password", user + "-demo"));
            assertProblem(refused, 403, "FORBIDDEN_ROLE");
        }
        int devicesBefore = admin.get("/api/devices").json().size();

        for (String user : new String[]{"manager", "admin"}) {
            ApiClient.Response enrolled = new ApiClient(server.baseUrl())
                    .post("/api/devices/enrol", Map.of("name", "counter by " + user, "username", user, "password", user + "-demo"));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
            assertThat(enrolled.json().get("deviceSecret").asText()).isNotBlank();
        }
        assertThat(admin.get("/api/devices").json().size()).isEqualTo(devicesBefore + 2);
        String anotherManager = newUser("manager");
        assertProblem(new ApiClient(server.baseUrl()).post("/api/devices/enrol",
                Map.of("name", "counter", "username", anotherManager, "password", "not the password")), 401, "BAD_CREDENTIALS");
    }

    /** A fresh user for a test that spends its log-in attempts, so the demo users stay usable. */
    private String newUser(String role) {
        String username = "auth-test-" + USERS.incrementAndGet();
        ApiClient.Response created = admin.post("/api/users",
                Map.of("username", username, "displayName", "Auth test " + username, "role", role, "password", PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private ApiClient enrolledDevice(String name) {
        ApiClient client = new ApiClient(server.baseUrl());
        client.enrolDevice(name, "manager", "manager-demo");
        return client;
    }

    private JsonNode findDevice(String id) {
        for (JsonNode device : manager.get("/api/devices").json()) {
            if (device.get("id").asText().equals(id)) {
                return device;
            }
        }
        throw new AssertionError("device " + id + " is not listed");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: " + response.contentType()).isTrue();
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }
}
