package com.admitone.model.gate;

import com.admitone.model.ticket.VerifyingKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A gate context over plain collections, as a replica would answer. */
final class MapGateContext implements GateContext {
    final Map<String, List<VerifyingKey>> keys = new HashMap<>();
    final Map<UUID, TicketStatus> statuses = new HashMap<>();
    final Map<UUID, List<Admission>> admissions = new HashMap<>();
    final Set<Long> servedAreas = new HashSet<>();
    long performanceId;
    String gate = "North door";
    Instant now;

    MapGateContext trust(VerifyingKey key) {
        keys.computeIfAbsent(key.keyId(), k -> new ArrayList<>()).add(key);
        return this;
    }

    void admitted(UUID ticketId, Instant at, String gate) {
        admissions.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(new Admission(at, gate));
    }

    @Override
    public List<VerifyingKey> keys(String keyId) {
        return keys.getOrDefault(keyId, List.of());
    }

    @Override
    public TicketStatus ticketStatus(UUID ticketId) {
        return statuses.getOrDefault(ticketId, TicketStatus.UNKNOWN);
    }

    @Override
    public List<Admission> admissions(UUID ticketId) {
        return admissions.getOrDefault(ticketId, List.of());
    }

    @Override
    public long performanceId() {
        return performanceId;
    }

    @Override
    public String gate() {
        return gate;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public boolean servesArea(long areaId) {
        return servedAreas.isEmpty() || servedAreas.contains(areaId);
    }
}
