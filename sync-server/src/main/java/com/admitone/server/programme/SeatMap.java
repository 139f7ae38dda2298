package com.admitone.server.programme;

import java.util.List;

/** A performance's seat map with live states, its general-admission areas and its price list. */
public record SeatMap(long performanceId, String currency, List<SeatView> seats, List<AreaView> areas, List<PriceView> prices) {

    public record SeatView(long id, String label, String section, String row, int number, double x, double y, String zone,
                           List<String> flags, String state, String holdDeviceId) {
    }

    public record AreaView(long id, String name, String zone, int capacity, int free, int held, int sold) {
    }

    public record PriceView(String zone, String priceType, long minor) {
    }
}
