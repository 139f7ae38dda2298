package com.admitone.client.sync;

import com.admitone.client.Json;
import com.admitone.client.store.UiThreadGuard;
import com.admitone.model.problem.Problem;
import com.admitone.model.sync.ChangePage;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandResults;
import com.admitone.model.ticket.DeviceCertificate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The sync server's HTTP API as typed calls. Every call blocks (so refuses the JavaFX thread), has
 * the timeouts of {@link ApiTimeouts}, and fails with a {@link ServerException}. The device's
 * credentials and the staff session's bearer token are sent with every call once known.
 */
public final class ServerApi {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private volatile OkHttpClient http;
    private final OkHttpClient streaming;
    private final ObjectMapper json = Json.mapper();
    private volatile String deviceId;
    private volatile String deviceSecret;
    private volatile String token;

    /** The server's answer to an enrolment; {@code certificate} only when a public key was sent. */
    public record Enrolment(String deviceId, String deviceSecret, String name, DeviceCertificate certificate) {
    }

    private record CertificateAnswer(DeviceCertificate certificate) {
    }

    public record Login(String token, Instant expiresAt, String userId, String username, String displayName, String role,
                        String deviceId) {
    }

    public record DeviceInfo(String id, String name, String status, Instant enrolledAt, Instant revokedAt, Instant lastSeenAt,
                             Long lastSkewMillis, boolean clockSkewLarge) {
    }

    public ServerApi(String baseUrl, ApiTimeouts timeouts) {
        this.baseUrl = parse(baseUrl);
        this.http = client(new OkHttpClient.Builder(), timeouts);
        // The live stream is silent between events (the server sends a keep-alive every 15 s).
        this.streaming = http.newBuilder().readTimeout(Duration.ofSeconds(40)).callTimeout(Duration.ZERO).build();
    }

    private static OkHttpClient client(OkHttpClient.Builder builder, ApiTimeouts timeouts) {
        return builder
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.connect().plus(timeouts.read()).plus(timeouts.write()))
                .retryOnConnectionFailure(true)
                .build();
    }

    /** New timeouts from the next call on (Settings changed "offline after"); shares the connection pool. */
    public void useTimeouts(ApiTimeouts timeouts) {
        this.http = client(http.newBuilder(), timeouts);
    }

    /** Checks and normalises a server address typed by staff; throws IllegalArgumentException with a plain sentence. */
    public static HttpUrl parse(String address) {
        String text = address == null ? "" : address.strip();
        if (!text.isEmpty() && !text.contains("://")) {
            text = "http://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("\"" + address + "\" is not a server address such as http://192.168.1.10:7070");
        }
        return url.newBuilder().encodedPath("/").build();
    }

    public String baseUrl() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public void useDevice(String id, String secret) {
        this.deviceId = id;
        this.deviceSecret = secret;
    }

    public void useToken(String bearer) {
        this.token = bearer;
    }

    public boolean hasToken() {
        return token != null;
    }

    public String token() {
        return token;
    }

    // ---- calls ---------------------------------------------------------------------------------

    public Map<String, Object> health() {
        return call(get("health"), new TypeReference<Map<String, Object>>() { });
    }

    public Enrolment enrol(String deviceName, String managerUsername, String managerPassword) {
        return enrol(deviceName, managerUsername, managerPassword, null);
    }

    /** Enrols this device; with {@code publicKeyBase64} the server also certifies the device's ticket-signing key. */
    public Enrolment enrol(String deviceName, String managerUsername, String managerPassword, String publicKeyBase64) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", deviceName);
        body.put("username", managerUsername);
        body.put("password", managerPassword);
        if (publicKeyBase64 != null) {
            body.put("publicKey", publicKeyBase64);
        }
        return call(post("api/devices/enrol", body), Enrolment.class);
    }

    /** Has the server certify this (already enrolled) device's ticket-signing key; the same key again gives the same certificate. */
    public DeviceCertificate certifyDeviceKey(String publicKeyBase64) {
        CertificateAnswer answer = call(post("api/devices/key", Map.of("publicKey", publicKeyBase64)), CertificateAnswer.class);
        if (answer == null || answer.certificate() == null) {
            throw new ServerFailureException(200, "The server's answer to api/devices/key has no certificate.");
        }
        return answer.certificate();
    }

    public Login login(String username, String password) {
        return call(post("api/auth/login", Map.of("username", username, "password", password)), Login.class);
    }

    public void logout() {
        call(post("api/auth/logout", Map.of()), Void.class);
    }

    public CommandResults sendCommands(CommandBatch batch) {
        return call(post("api/commands", batch), CommandResults.class);
    }

    public ChangePage changes(long after, int limit) {
        HttpUrl url = baseUrl.newBuilder().addPathSegments("api/changes")
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return call(request(url).get().build(), ChangePage.class);
    }

    /** Orders whose number, customer name, e-mail or phone match {@code q}: each {order, tickets, payments}. */
    public List<Map<String, Object>> searchOrders(String q) {
        HttpUrl url = baseUrl.newBuilder().addPathSegments("api/orders").addQueryParameter("q", q).build();
        return call(request(url).get().build(), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** A venue's limit above which refunds and exchange pay-outs need a manager's approval (-1: never). */
    public record RefundPolicy(long venueId, long approvalAboveMinor) {
    }

    /** A manager's approval of one refund or exchange, recorded on the server. */
    public record Approval(String commandId, String approvedBy, long maxMinor) {
    }

    public RefundPolicy refundPolicy(long venueId) {
        return call(get("api/venues/" + venueId + "/refund-policy"), RefundPolicy.class);
    }

    /**
     * Asks the server to record a manager's approval of the refund or exchange {@code commandId} for
     * pay-outs up to {@code amountMinor}; the manager's password goes to the server only, never into
     * the outbox.
     */
    public Approval approveRefund(UUID commandId, String managerUsername, String managerPassword, long amountMinor) {
        return call(post("api/approvals", Map.of("commandId", commandId.toString(), "username", managerUsername,
                "password", managerPassword, "amountMinor", amountMinor)), Approval.class);
    }

    public List<DeviceInfo> devices() {
        return call(get("api/devices"), new TypeReference<List<DeviceInfo>>() { });
    }

    /** Opens the live stream of the feed's head; the listener hears "seq" events with {"latest": N}. */
    public EventSource openChangeStream(EventSourceListener listener) {
        Request request = request(baseUrl.newBuilder().addPathSegments("api/changes/stream").build())
                .header("Accept", "text/event-stream").get().build();
        return EventSources.createFactory(streaming).newEventSource(request, listener);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private Request get(String path) {
        return request(baseUrl.newBuilder().addPathSegments(path).build()).get().build();
    }

    private Request post(String path, Object body) {
        try {
            return request(baseUrl.newBuilder().addPathSegments(path).build())
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not serialisable", e);
        }
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        String bearer = token;
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        String id = deviceId;
        String secret = deviceSecret;
        if (id != null && secret != null) {
            builder.header("X-Device-Id", id).header("X-Device-Secret", secret);
        }
        return builder;
    }

    private <T> T call(Request request, Class<T> type) {
        return call(request, json.constructType(type));
    }

    private <T> T call(Request request, TypeReference<T> type) {
        return call(request, json.constructType(type));
    }

    private <T> T call(Request request, JavaType type) {
        UiThreadGuard.assertNotUiThread("A call to the server (" + request.url().encodedPath() + ")");
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.isSuccessful()) {
                if (type.getRawClass() == Void.class || bytes.length == 0) {
                    return null;
                }
                return json.readValue(bytes, type);
            }
            throw failure(response, bytes);
        } catch (JsonProcessingException e) {
            throw new ServerFailureException(200, "The server's answer to " + request.url().encodedPath()
                    + " could not be read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ServerUnreachableException("No answer from " + baseUrl() + " (" + describe(e) + ")", e);
        }
    }

    private ServerException failure(Response response, byte[] bytes) {
        int status = response.code();
        String type = response.header("Content-Type", "");
        if (status >= 500) {
            return new ServerFailureException(status, "The server failed with HTTP " + status + " on " + response.request().url().encodedPath());
        }
        if (type != null && (type.startsWith(Problem.MEDIA_TYPE) || type.startsWith("application/json"))) {
            try {
                Problem problem = json.readValue(bytes, Problem.class);
                if (problem.code() != null) {
                    return ProblemException.of(status, problem);
                }
            } catch (IOException ignored) {
                // not a problem document: fall through
            }
        }
        return new ProblemException(status, status == 401 ? "UNAUTHENTICATED" : "HTTP_" + status,
                "HTTP " + status + " from " + response.request().url().encodedPath(), null);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Frees the connection pool's threads; the client is not usable afterwards. */
    public void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
