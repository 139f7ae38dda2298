package com.admitone.server.programme;

import com.admitone.server.venue.GaArea;
import com.admitone.server.venue.Seat;
import com.admitone.server.venue.Venue;
import org.hibernate.Session;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference data the sales path reads on every sale and that never changes once created: seat and
 * area zones, price lists, venues, events. Kept in memory so a sale costs a few statements, not a
 * dozen. Loaded on first use through the caller's session; dropped whenever reference data is
 * created. A future price-change feature must call {@link #forget()} (and tell other nodes).
 */
public final class ReferenceData {
    public record VenueFacts(String currency, int taxRateBasisPoints) {
    }

    private final Map<Long, Map<Long, String>> seatZonesByVenue = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, String>> areaZonesByVenue = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Long>> pricesByPerformance = new ConcurrentHashMap<>();
    private final Map<Long, VenueFacts> venues = new ConcurrentHashMap<>();
    private final Map<Long, Integer> durations = new ConcurrentHashMap<>();

    /** Zone of each seat of a venue. */
    public Map<Long, String> seatZones(Session session, long venueId) {
        return seatZonesByVenue.computeIfAbsent(venueId, v -> {
            Map<Long, String> zones = new HashMap<>();
            session.createSelectionQuery("from Seat s where s.venueId = :v", Seat.class).setParameter("v", v)
                    .getResultList().forEach(seat -> zones.put(seat.id(), seat.zone()));
            return Map.copyOf(zones);
        });
    }

    public Map<Long, String> areaZones(Session session, long venueId) {
        return areaZonesByVenue.computeIfAbsent(venueId, v -> {
            Map<Long, String> zones = new HashMap<>();
            session.createSelectionQuery("from GaArea a where a.venueId = :v", GaArea.class).setParameter("v", v)
                    .getResultList().forEach(area -> zones.put(area.id(), area.zone()));
            return Map.copyOf(zones);
        });
    }

    /** A performance's price list keyed {@code zone:PRICE_TYPE}. */
    public Map<String, Long> prices(Session session, long performanceId) {
        return pricesByPerformance.computeIfAbsent(performanceId, p -> {
            Map<String, Long> prices = new HashMap<>();
            session.createSelectionQuery("from Price p where p.id.performanceId = :perf", Price.class).setParameter("perf", p)
                    .getResultList().forEach(price -> prices.put(price.zone() + ":" + price.priceType(), price.amountMinor()));
            return Map.copyOf(prices);
        });
    }

    public VenueFacts venue(Session session, long venueId) {
        return venues.computeIfAbsent(venueId, v -> {
            Venue venue = session.find(Venue.class, v);
            return new VenueFacts(venue.currency(), venue.taxRateBasisPoints());
        });
    }

    public int durationMinutes(Session session, long eventId) {
        return durations.computeIfAbsent(eventId, e -> session.find(Event.class, e).durationMinutes());
    }

    public void forget() {
        seatZonesByVenue.clear();
        areaZonesByVenue.clear();
        pricesByPerformance.clear();
        venues.clear();
        durations.clear();
    }
}
