package com.admitone.server.testing;

import com.admitone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small real HTTP client for tests: JSON in and out, with the device and session headers set. */
public final class ApiClient {
    public static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private String deviceId;
    private String deviceSecret;
    private String token;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public String code() {
            return json().path("code").asText(null);
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public String token() {
        return token;
    }

    public String deviceSecret() {
        return deviceSecret;
    }

    /** Sends these device headers from now on (null for none), e.g. a device's credentials or forged ones. */
    public ApiClient withDevice(String id, String secret) {
        this.deviceId = id;
        this.deviceSecret = secret;
        return this;
    }

    public ApiClient withToken(String newToken) {
        this.token = newToken;
        return this;
    }

    public void enrolDevice(String name, String username, String password) {
        Response r = post("/api/devices/enrol", Map.of("name", name, "username", username, "password", password));
        if (r.status() != 201) {
            throw new IllegalStateException("enrolment failed: " + r.status() + " " + r.body());
        }
        deviceId = r.json().get("deviceId").asText();
        deviceSecret = r.json().get("deviceSecret").asText();
    }

    public Response tryLogin(String username, String password) {
        return send("POST", "/api/auth/login", Map.of("username", username, "password", password));
    }

    public void login(String username, String password) {
        Response r = tryLogin(username, password);
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        token = r.json().get("token").asText();
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response send(String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return raw(method, path, text, "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends exactly these bytes: for hostile and malformed requests. */
    public Response raw(String method, String path, String body, String contentType) {
        HttpResponse<String> response = http(method, path, body, contentType, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /**
     * Like {@link #raw} but does not wait for the end of a server-sent event stream: an event stream
     * is answered with its status and content type and an empty body, then closed.
     */
    public Response open(String method, String path) {
        HttpResponse<InputStream> response = http(method, path, null, null, HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream in = response.body()) {
            String body = type != null && type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(response.statusCode(), type, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> http(String method, String path, String body, String contentType, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (deviceId != null) {
            request.header("X-Device-Id", deviceId);
        }
        if (deviceSecret != null) {
            request.header("X-Device-Secret", deviceSecret);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends one batch of commands and returns the results array. */
    public JsonNode commands(List<ObjectNode> commands) {
        ArrayNode envelopes = JSON.createArrayNode();
        for (ObjectNode command : commands) {
            envelopes.add(envelope(UUID.randomUUID(), command));
        }
        return commandBatch(envelopes);
    }

    public JsonNode commandBatch(ArrayNode envelopes) {
        ObjectNode batch = JSON.createObjectNode();
        batch.set("commands", envelopes);
        Response r = post("/api/commands", batch);
        if (r.status() != 200) {
            throw new IllegalStateException("command batch failed: " + r.status() + " " + r.body());
        }
        return r.json().get("results");
    }

    public JsonNode command(ObjectNode command) {
        return commands(List.of(command)).get(0);
    }

    public static ObjectNode envelope(UUID key, ObjectNode command) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("key", key.toString());
        envelope.put("deviceTime", Instant.now().toString());
        envelope.set("command", command);
        return envelope;
    }

    /** The first theatre performance (800 seats) that has every seat free. */
    public long freshTheatrePerformance() {
        for (JsonNode p : get("/api/performances").json()) {
            if (p.get("seatCount").asInt() == 800 && p.get("free").asInt() == 800) {
                return p.get("id").asLong();
            }
        }
        throw new IllegalStateException("no untouched theatre performance left");
    }

    public long firstGalleryPerformance() {
        for (JsonNode p : get("/api/performances").json()) {
            if (p.get("gaCapacity").asInt() > 0) {
                return p.get("id").asLong();
            }
        }
        throw new IllegalStateException("no gallery slot");
    }

    /** When the performance starts, from the performance list. */
    public java.time.Instant startsAt(long performanceId) {
        for (JsonNode p : get("/api/performances").json()) {
            if (p.get("id").asLong() == performanceId) {
                return java.time.Instant.parse(p.get("startsAt").asText());
            }
        }
        throw new IllegalArgumentException("no performance " + performanceId);
    }

    public JsonNode seatMap(long performanceId) {
        return get("/api/performances/" + performanceId + "/seats").json();
    }

    public static ObjectNode sellCommand(JsonNode seatMap, List<JsonNode> seats, String priceType, UUID holdId) {
        ObjectNode sell = JSON.createObjectNode();
        sell.put("type", "SellSeats");
        sell.put("orderId", UUID.randomUUID().toString());
        sell.put("performanceId", seatMap.get("performanceId").asLong());
        if (holdId != null) {
            sell.put("holdId", holdId.toString());
        }
        ArrayNode lines = sell.putArray("lines");
        long total = 0;
        for (JsonNode seat : seats) {
            long price = price(seatMap, seat.get("zone").asText(), priceType);
            ObjectNode line = lines.addObject();
            line.put("ticketId", UUID.randomUUID().toString());
            line.put("seatId", seat.get("id").asLong());
            line.put("priceType", priceType);
            line.put("priceMinor", price);
            line.put("discountMinor", 0);
            total += price;
        }
        ArrayNode payments = sell.putArray("payments");
        if (total > 0) {
            ObjectNode payment = payments.addObject();
            payment.put("paymentId", UUID.randomUUID().toString());
            payment.put("method", "CASH");
            payment.put("amountMinor", total);
            payment.put("tenderedMinor", total + 500);
        }
        sell.put("orderDiscountMinor", 0);
        return sell;
    }

    public static long price(JsonNode seatMap, String zone, String priceType) {
        for (JsonNode price : seatMap.get("prices")) {
            if (price.get("zone").asText().equals(zone) && price.get("priceType").asText().equals(priceType)) {
                return price.get("minor").asLong();
            }
        }
        throw new IllegalArgumentException("no price for " + zone + "/" + priceType);
    }

    public static List<JsonNode> seats(JsonNode seatMap, int from, int count) {
        List<JsonNode> seats = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            seats.add(seatMap.get("seats").get(i));
        }
        return seats;
    }

    public static ObjectNode holdCommand(long performanceId, UUID holdId, List<Long> seatIds, Integer seconds) {
        ObjectNode hold = JSON.createObjectNode();
        hold.put("type", "HoldSeats");
        hold.put("holdId", holdId.toString());
        hold.put("performanceId", performanceId);
        ArrayNode ids = hold.putArray("seatIds");
        seatIds.forEach(ids::add);
        if (seconds != null) {
            hold.put("seconds", seconds);
        }
        return hold;
    }
}
