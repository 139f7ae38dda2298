package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Best available N together in a zone": picks N free seats next to each other in one row.
 *
 * <p>Seats are together when they are neighbours in the x order of their row (the whole row,
 * across zones) with no gap wider than {@value #GAP_FACTOR} times the row's usual seat spacing,
 * so a block never straddles an aisle or a seat of another zone.
 *
 * <p>Among the possible blocks the lowest score wins:
 * <pre>
 *   score = row rank within the zone (0 = the row nearest the stage, by mean y)
 *         + |block centre - house centre line| / half the zone's width   (about 0 to 1)
 *         + 1 per restricted-view seat in the block
 * </pre>
 * where the house centre line is midway between the leftmost and rightmost seat of the map.
 * so moving all the way to the end of a row costs as much as going one row back, and a
 * restricted view costs a row per seat. Equal scores go to the block with fewer restricted
 * seats, then to the front row, then to the left. Wheelchair
 * spaces and companion seats are kept for the people who need them and are never picked.
 *
 * <p>Pure function over plain values: no JavaFX, no state.
 */
public final class BestAvailable {

    static final double GAP_FACTOR = 1.6;

    private BestAvailable() {
    }

    /**
     * The ids of the best block of {@code count} seats in {@code zone}, in x order, or an empty
     * list when no row has that many free seats together.
     *
     * @param seats     every seat of the map (other zones matter: they break a block)
     * @param available which seats may be sold now (typically: status is FREE)
     */
    public static List<Long> find(Collection<MapSeat> seats, Predicate<MapSeat> available, String zone, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        if (seats.isEmpty()) {
            return List.of();
        }
        double houseMinX = Double.POSITIVE_INFINITY;
        double houseMaxX = Double.NEGATIVE_INFINITY;
        double zoneMinX = Double.POSITIVE_INFINITY;
        double zoneMaxX = Double.NEGATIVE_INFINITY;
        Map<String, List<MapSeat>> rows = new LinkedHashMap<>();
        for (MapSeat s : seats) {
            houseMinX = Math.min(houseMinX, s.x());
            houseMaxX = Math.max(houseMaxX, s.x());
            if (s.zone().equals(zone)) {
                zoneMinX = Math.min(zoneMinX, s.x());
                zoneMaxX = Math.max(zoneMaxX, s.x());
            }
            rows.computeIfAbsent(s.section() + '\u0000' + s.row(), k -> new ArrayList<>()).add(s);
        }
        if (zoneMinX > zoneMaxX) {
            return List.of();
        }
        double centre = (houseMinX + houseMaxX) / 2;
        double halfWidth = Math.max((zoneMaxX - zoneMinX) / 2, 1e-9);

        List<ZoneRow> zoneRows = new ArrayList<>();
        for (List<MapSeat> row : rows.values()) {
            double sumY = 0;
            int inZone = 0;
            for (MapSeat s : row) {
                if (s.zone().equals(zone)) {
                    sumY += s.y();
                    inZone++;
                }
            }
            if (inZone >= 1) {
                MapSeat[] ordered = row.toArray(new MapSeat[0]);
                Arrays.sort(ordered, Comparator.comparingDouble(MapSeat::x).thenComparingInt(MapSeat::number));
                zoneRows.add(new ZoneRow(ordered, sumY / inZone));
            }
        }
        zoneRows.sort(Comparator.comparingDouble(ZoneRow::meanY));

        MapSeat[] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestRestricted = Integer.MAX_VALUE;
        for (int rank = 0; rank < zoneRows.size(); rank++) {
            MapSeat[] row = zoneRows.get(rank).seats();
            if (row.length < count) {
                continue;
            }
            double limit = GAP_FACTOR * medianGap(row);
            int run = 0;
            for (int k = 0; k < row.length; k++) {
                MapSeat s = row[k];
                boolean usable = s.zone().equals(zone) && !s.has(SeatFlag.WHEELCHAIR) && !s.has(SeatFlag.COMPANION)
                        && available.test(s);
                boolean joined = k > 0 && distance(row[k - 1], s) <= limit;
                run = !usable ? 0 : (joined ? run + 1 : 1);
                if (run >= count) {
                    MapSeat[] block = Arrays.copyOfRange(row, k - count + 1, k + 1);
                    int restricted = restricted(block);
                    double score = rank + Math.abs(centreX(block) - centre) / halfWidth + restricted;
                    boolean tie = Math.abs(score - bestScore) < 1e-9;
                    if ((score < bestScore && !tie) || (tie && restricted < bestRestricted)) {
                        bestScore = score;
                        bestRestricted = restricted;
                        best = block;
                    }
                }
            }
        }
        return best == null ? List.of() : Arrays.stream(best).map(MapSeat::id).toList();
    }

    private record ZoneRow(MapSeat[] seats, double meanY) {
    }

    private static double medianGap(MapSeat[] row) {
        if (row.length < 2) {
            return 0;
        }
        double[] gaps = new double[row.length - 1];
        for (int k = 1; k < row.length; k++) {
            gaps[k - 1] = distance(row[k - 1], row[k]);
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    private static double distance(MapSeat a, MapSeat b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static double centreX(MapSeat[] block) {
        return (block[0].x() + block[block.length - 1].x()) / 2;
    }

    private static int restricted(MapSeat[] block) {
        int n = 0;
        for (MapSeat s : block) {
            if (s.has(SeatFlag.RESTRICTED_VIEW)) {
                n++;
            }
        }
        return n;
    }
}
