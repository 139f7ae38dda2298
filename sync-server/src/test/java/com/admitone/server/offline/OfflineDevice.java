package com.admitone.server.offline;

import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A box-office device as the offline client is: enrolled with its own Ed25519 key, logged in, and
 * able to write SellOffline commands whose tickets it signs itself.
 */
final class OfflineDevice {
    final ApiClient api;
    final SigningKey key = SigningKey.generate();
    final JsonNode certificate;

    OfflineDevice(String baseUrl, String name, String username) {
        api = new ApiClient(baseUrl);
        ApiClient.Response enrolled = api.post("/api/devices/enrol", Map.of("name", name, "username", "manager",
                "password", "manager-demo", "publicKey", Base64.getEncoder().encodeToString(key.publicKey())));
        if (enrolled.status() != 201) {
            throw new IllegalStateException("enrolment failed: " + enrolled.body());
        }
        api.withDevice(enrolled.json().get("deviceId").asText(), enrolled.json().get("deviceSecret").asText());
        certificate = enrolled.json().get("certificate");
        api.login(username, username + "-demo");
    }

    String deviceId() {
        return api.deviceId();
    }

    /** A SellOffline of adult tickets for these seats, signed by this device, from {@code allotmentId} or provisional. */
    ObjectNode sellOffline(JsonNode seatMap, List<Long> seatIds, UUID allotmentId) {
        return sellOffline(seatMap, seatIds, allotmentId, key);
    }

    ObjectNode sellOffline(JsonNode seatMap, List<Long> seatIds, UUID allotmentId, SigningKey signer) {
        long performance = seatMap.get("performanceId").asLong();
        ObjectNode sell = ApiClient.JSON.createObjectNode();
        sell.put("type", "SellOffline");
        sell.put("orderId", UUID.randomUUID().toString());
        sell.put("performanceId", performance);
        if (allotmentId != null) {
            sell.put("allotmentId", allotmentId.toString());
        }
        ArrayNode lines = sell.putArray("lines");
        long total = 0;
        for (Long seatId : seatIds) {
            String zone = zoneOf(seatMap, seatId);
            long price = ApiClient.price(seatMap, zone, "ADULT");
            UUID ticketId = UUID.randomUUID();
            ObjectNode offline = lines.addObject();
            ObjectNode line = offline.putObject("line");
            line.put("ticketId", ticketId.toString());
            line.put("seatId", seatId);
            line.put("priceType", "ADULT");
            line.put("priceMinor", price);
            line.put("discountMinor", 0);
            TicketToken token = new TicketToken(signer.keyId(), ticketId, performance, seatId, null, PriceType.ADULT,
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(40)), 1);
            offline.put("token", TicketTokenCodec.encode(token, signer));
            total += price;
        }
        ArrayNode payments = sell.putArray("payments");
        ObjectNode payment = payments.addObject();
        payment.put("paymentId", UUID.randomUUID().toString());
        payment.put("method", "CASH");
        payment.put("amountMinor", total);
        sell.put("orderDiscountMinor", 0);
        sell.put("soldAt", Instant.now().toString());
        return sell;
    }

    static ObjectNode allot(UUID allotmentId, long performance, String deviceId, List<Long> seatIds, Instant until) {
        ObjectNode allot = ApiClient.JSON.createObjectNode();
        allot.put("type", "AllotSeats");
        allot.put("allotmentId", allotmentId.toString());
        allot.put("performanceId", performance);
        allot.put("deviceId", deviceId);
        ArrayNode ids = allot.putArray("seatIds");
        seatIds.forEach(ids::add);
        allot.put("until", until.toString());
        return allot;
    }

    static ObjectNode policy(long performance, String policy) {
        ObjectNode command = ApiClient.JSON.createObjectNode();
        command.put("type", "SetProvisionalPolicy");
        command.put("performanceId", performance);
        command.put("policy", policy);
        command.put("reason", "test");
        return command;
    }

    static String zoneOf(JsonNode seatMap, long seatId) {
        for (JsonNode seat : seatMap.get("seats")) {
            if (seat.get("id").asLong() == seatId) {
                return seat.get("zone").asText();
            }
        }
        throw new IllegalArgumentException("no seat " + seatId);
    }

    static List<Long> seatIds(JsonNode seatMap, int from, int count) {
        return ApiClient.seats(seatMap, from, count).stream().map(s -> s.get("id").asLong()).toList();
    }
}
