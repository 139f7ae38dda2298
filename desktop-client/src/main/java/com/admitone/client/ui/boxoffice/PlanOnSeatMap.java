package com.admitone.client.ui.boxoffice;

import com.admitone.client.print.MoneyFormat;
import com.admitone.client.sales.Counter;
import com.admitone.client.ui.boxoffice.seatmap.MapSeat;
import com.admitone.client.ui.boxoffice.seatmap.PriceZone;
import com.admitone.model.money.Money;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.venue.SeatFlag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A performance's plan as the box office's seat maps show it, the sale's and the exchange's alike:
 * the seats with their flags, each price zone named with its adult price, and the adult price a
 * seat's tooltip shows. Only the order of the zones is each map's own.
 */
final class PlanOnSeatMap {
    private PlanOnSeatMap() {
    }

    static List<MapSeat> seats(Counter.Plan plan) {
        List<MapSeat> seats = new ArrayList<>();
        for (Counter.SeatRow s : plan.seats()) {
            seats.add(new MapSeat(s.id(), s.label(), s.section(), s.row(), s.number(), s.x(), s.y(), s.zone(), flags(s.flags())));
        }
        return seats;
    }

    /** The zones in {@code order}, each named as staff say it, with its adult price where it has one. */
    static List<PriceZone> zones(Counter.Plan plan, Collection<String> order, MoneyFormat money) {
        List<PriceZone> zones = new ArrayList<>();
        for (String zone : order) {
            Long adult = plan.prices().getOrDefault(zone, Map.of()).get(PriceType.ADULT);
            zones.add(new PriceZone(zone, zoneName(zone) + (adult == null ? "" : "  " + money.format(Money.of(adult, plan.currency())))));
        }
        return zones;
    }

    /** For the seat's tooltip: the adult price of its zone, or null if the zone has none. */
    static Function<MapSeat, Money> adultPrice(Counter.Plan plan) {
        return seat -> {
            Long adult = plan.prices().getOrDefault(seat.zone(), Map.of()).get(PriceType.ADULT);
            return adult == null ? null : Money.of(adult, plan.currency());
        };
    }

    /** "STALLS_PREMIUM" as staff say it: "Stalls premium". */
    static String zoneName(String zone) {
        String lower = zone.toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.isEmpty() ? zone : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The replica's comma-separated flags; one this client does not know yet is left out. */
    private static Set<SeatFlag> flags(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
        for (String f : text.split(",")) {
            try {
                flags.add(SeatFlag.valueOf(f.trim()));
            } catch (IllegalArgumentException unknown) {
                // a flag this client does not know
            }
        }
        return flags;
    }
}
