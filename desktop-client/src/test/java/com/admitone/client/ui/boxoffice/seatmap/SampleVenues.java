package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Seat lists for tests and the demo: a small theatre laid out like the server's demo venue. */
final class SampleVenues {
    static final List<PriceZone> THEATRE_ZONES = List.of(
            new PriceZone("PREMIUM", "Premium"), new PriceZone("STANDARD", "Standard"),
            new PriceZone("VALUE", "Value"), new PriceZone("BOX", "Boxes"));

    private SampleVenues() {
    }

    /**
     * Stalls rows A-T of 25 with a centre aisle after seat 12 (ids 1000 + row * 100 + seat),
     * circle rows A-J of 26 (ids 5000 + ...), ten boxes of four (ids 9000 + ...).
     */
    static List<MapSeat> theatre() {
        List<MapSeat> seats = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            String row = String.valueOf((char) ('A' + r));
            String zone = r < 10 ? "PREMIUM" : "STANDARD";
            for (int n = 1; n <= 25; n++) {
                Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
                if (n == 1 || n == 12 || n == 13 || n == 25) {
                    flags.add(SeatFlag.AISLE);
                }
                if (row.equals("T") && (n <= 2 || n >= 24)) {
                    flags.add(SeatFlag.WHEELCHAIR);
                }
                if (row.equals("T") && (n == 3 || n == 23)) {
                    flags.add(SeatFlag.COMPANION);
                }
                double x = 100 + (n - 1) * 26 + (n > 12 ? 30 : 0);
                double y = 140 + r * 28 + Math.pow(n - 13, 2) * 0.12;
                seats.add(new MapSeat(stalls(r, n), "S-" + row + n, "Stalls", row, n, x, y, zone, flags));
            }
        }
        for (int r = 0; r < 10; r++) {
            String row = String.valueOf((char) ('A' + r));
            String zone = r < 4 ? "STANDARD" : "VALUE";
            for (int n = 1; n <= 26; n++) {
                Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
                if (n == 1 || n == 26) {
                    flags.add(SeatFlag.AISLE);
                }
                if (row.equals("J") && (n <= 3 || n >= 24)) {
                    flags.add(SeatFlag.RESTRICTED_VIEW);
                }
                double x = 90 + (n - 1) * 26;
                double y = 740 + r * 28 + Math.pow(n - 13.5, 2) * 0.15;
                seats.add(new MapSeat(circle(r, n), "C-" + row + n, "Circle", row, n, x, y, zone, flags));
            }
        }
        for (int b = 0; b < 10; b++) {
            String row = "B" + (b + 1);
            boolean left = b < 5;
            for (int n = 1; n <= 4; n++) {
                double x = left ? 20 + (n % 2) * 24 : 820 + (n % 2) * 24;
                double y = 160 + (b % 5) * 90 + (n > 2 ? 28 : 0);
                seats.add(new MapSeat(9000 + b * 10 + n, "B-" + row + n, "Boxes", row, n, x, y, "BOX", Set.of()));
            }
        }
        return seats;
    }

    static long stalls(int rowIndex, int number) {
        return 1000 + rowIndex * 100L + number;
    }

    static long circle(int rowIndex, int number) {
        return 5000 + rowIndex * 100L + number;
    }

    /** One straight row of {@code count} seats, 10 units apart, ids 1..count. */
    static List<MapSeat> row(String zone, int count) {
        List<MapSeat> seats = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            seats.add(new MapSeat(n, "A" + n, "Stalls", "A", n, n * 10.0, 0, zone, Set.of()));
        }
        return seats;
    }
}
