package com.admitone.bench.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A small JSON-over-HTTP client for the sync server's API, cheap enough to drive load with:
 * one shared {@link HttpClient} (HTTP/1.1 keep-alive), async calls, Jackson trees for answers.
 */
public final class ApiClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile String token;

    public ApiClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
        this.json = mapper();
    }

    /** An HTTP/1.1 client whose callbacks run on {@code executor} (keep it small: the driver shares the CPU). */
    public static HttpClient httpClient(Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ObjectMapper json() {
        return json;
    }

    public URI base() {
        return base;
    }

    /** An HTTP answer: status and the body as a JSON tree (null when empty or not JSON). */
    public record Response(int status, JsonNode body, String raw) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String describe() {
            String text = raw == null ? "" : raw;
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 500 ? text.substring(0, 500) + "..." : text));
        }
    }

    public static final class ApiException extends RuntimeException {
        private final transient Response response;

        public ApiException(String what, Response response) {
            super(what + " failed: " + response.describe());
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }

    public record Enrolment(String deviceId, String deviceSecret) {
    }

    /** {@code POST /api/devices/enrol} with a manager's credentials. */
    public Enrolment enrol(String deviceName, String username, String password) {
        Response r = call("POST", "/api/devices/enrol",
                Map.of("name", deviceName, "username", username, "password", password), Map.of());
        if (!r.ok() || r.body() == null || !r.body().hasNonNull("deviceId")) {
            throw new ApiException("enrolling a device", r);
        }
        return new Enrolment(r.body().get("deviceId").asText(), r.body().path("deviceSecret").asText());
    }

    /** {@code POST /api/auth/login} from an enrolled device; the token is used for every later call. */
    public String login(Enrolment device, String username, String password) {
        Response r = call("POST", "/api/auth/login", Map.of("username", username, "password", password),
                Map.of("X-Device-Id", device.deviceId(), "X-Device-Secret", device.deviceSecret()));
        if (!r.ok() || r.body() == null || !r.body().hasNonNull("token")) {
            throw new ApiException("logging in as " + username, r);
        }
        token = r.body().get("token").asText();
        return token;
    }

    public void token(String value) {
        token = value;
    }

    /** A GET that must succeed. */
    public JsonNode get(String path) {
        Response r = call("GET", path, null, Map.of());
        if (!r.ok()) {
            throw new ApiException("GET " + path, r);
        }
        return r.body();
    }

    public Response call(String method, String path, Object body, Map<String, String> headers) {
        try {
            return send(method, path, body, headers, DEFAULT_TIMEOUT).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(method + " " + path + ": " + io, io);
            }
            throw e;
        }
    }

    public CompletableFuture<Response> getAsync(String path) {
        return send("GET", path, null, Map.of(), DEFAULT_TIMEOUT);
    }

    public CompletableFuture<Response> postAsync(String path, Object body) {
        return send("POST", path, body, Map.of(), DEFAULT_TIMEOUT);
    }

    public CompletableFuture<Response> send(String method, String path, Object body, Map<String, String> headers,
                                            Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        String bearer = token;
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::parse);
    }

    private byte[] bytes(Object body) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response parse(HttpResponse<byte[]> response) {
        byte[] raw = response.body();
        JsonNode tree = null;
        if (raw != null && raw.length > 0) {
            try {
                tree = json.readTree(raw);
            } catch (IOException e) {
                // not JSON; keep the text
            }
        }
        String text = raw == null ? "" : (tree != null && raw.length > 2000 ? "" : new String(raw, StandardCharsets.UTF_8));
        return new Response(response.statusCode(), tree, text);
    }
}
