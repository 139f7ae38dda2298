package com.admitone.bench.onsale;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed layout of one performance's seats, read once from {@code GET /api/performances/{id}/seats}:
 * seat ids, labels, the price of each seat for one price type, and the runs of physically adjacent
 * seats (same section and row, consecutive seat numbers, no aisle between them on the plan) that a
 * group can sit together in.
 */
final class SeatMap {
    /** A step between neighbours this many times the row's seat pitch is an aisle, not a neighbour. */
    static final double AISLE_FACTOR = 1.6;

    final long performanceId;
    final String currency;
    final String priceType;
    final long[] seatIds;
    final String[] labels;
    final long[] priceMinor;
    /** Each run: seat indices in seat-number order, every neighbour adjacent. */
    final int[][] runs;
    private final Map<Long, Integer> indexById;

    private SeatMap(long performanceId, String currency, String priceType, long[] seatIds, String[] labels,
                    long[] priceMinor, int[][] runs) {
        this.performanceId = performanceId;
        this.currency = currency;
        this.priceType = priceType;
        this.seatIds = seatIds;
        this.labels = labels;
        this.priceMinor = priceMinor;
        this.runs = runs;
        this.indexById = new HashMap<>(seatIds.length * 2);
        for (int i = 0; i < seatIds.length; i++) {
            if (indexById.put(seatIds[i], i) != null) {
                throw new IllegalStateException("seat id " + seatIds[i] + " is listed twice");
            }
        }
    }

    int size() {
        return seatIds.length;
    }

    /** The index of a seat id, or -1 if the map has no such seat. */
    int indexOf(long seatId) {
        Integer i = indexById.get(seatId);
        return i == null ? -1 : i;
    }

    static SeatMap parse(JsonNode doc, String priceType) {
        long performanceId = doc.path("performanceId").asLong();
        String currency = doc.path("currency").asText("");
        Map<String, Long> priceByZone = new HashMap<>();
        for (JsonNode p : doc.path("prices")) {
            if (priceType.equals(p.path("priceType").asText())) {
                priceByZone.put(p.path("zone").asText(), p.path("minor").asLong());
            }
        }
        JsonNode seats = doc.path("seats");
        int n = seats.size();
        long[] ids = new long[n];
        String[] labels = new String[n];
        long[] prices = new long[n];
        record Place(int index, int number, double x, double y) {
            double distance(Place o) {
                return Math.hypot(x - o.x, y - o.y);
            }
        }
        Map<String, List<Place>> byRow = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JsonNode s = seats.get(i);
            ids[i] = s.path("id").asLong();
            labels[i] = s.path("label").asText();
            String zone = s.path("zone").asText();
            Long price = priceByZone.get(zone);
            if (price == null) {
                throw new IllegalStateException("no " + priceType + " price for zone '" + zone + "' (seat "
                        + labels[i] + "); prices: " + doc.path("prices"));
            }
            prices[i] = price;
            String section = s.path("section").asText("");
            String row = s.path("row").asText("");
            double x = s.hasNonNull("x") ? s.get("x").asDouble() : Double.NaN;
            double y = s.hasNonNull("y") ? s.get("y").asDouble() : Double.NaN;
            byRow.computeIfAbsent(section + "\u0000" + row, k -> new ArrayList<>())
                    .add(new Place(i, s.path("number").asInt(), x, y));
        }
        List<int[]> runs = new ArrayList<>();
        for (List<Place> row : byRow.values()) {
            row.sort(Comparator.comparingInt(Place::number));
            // Consecutive numbers are side by side unless the plan shows a gap (an aisle): a step
            // clearly wider than the row's normal seat pitch.
            double pitch = Double.POSITIVE_INFINITY;
            for (int k = 1; k < row.size(); k++) {
                double d = row.get(k).distance(row.get(k - 1));
                if (row.get(k).number() == row.get(k - 1).number() + 1 && d > 0) {
                    pitch = Math.min(pitch, d);
                }
            }
            double widest = pitch * AISLE_FACTOR; // NaN or infinite when the plan has no coordinates
            List<Integer> current = new ArrayList<>();
            Place previous = null;
            for (Place p : row) {
                boolean together = previous != null && p.number() == previous.number() + 1
                        && !(p.distance(previous) > widest);
                if (!current.isEmpty() && !together) {
                    runs.add(current.stream().mapToInt(Integer::intValue).toArray());
                    current.clear();
                }
                current.add(p.index());
                previous = p;
            }
            if (!current.isEmpty()) {
                runs.add(current.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return new SeatMap(performanceId, currency, priceType, ids, labels, prices, runs.toArray(new int[0][]));
    }

    /** Which seats the document says are FREE, by seat index; seats missing from the document count as taken. */
    boolean[] freeFlags(JsonNode doc) {
        boolean[] free = new boolean[size()];
        for (JsonNode s : doc.path("seats")) {
            int i = indexOf(s.path("id").asLong());
            if (i >= 0) {
                free[i] = "FREE".equals(s.path("state").asText());
            }
        }
        return free;
    }
}
