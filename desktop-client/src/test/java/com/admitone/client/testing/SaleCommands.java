package com.admitone.client.testing;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.Price;
import com.admitone.client.store.replica.Seat;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds sale commands for tests from what a replica holds, priced as the server expects. */
public final class SaleCommands {
    private SaleCommands() {
    }

    /** A cash sale of the given seats at the adult price, with the prices the replica knows. */
    public static Commands.SellSeats adultCashSale(LocalStore store, long performanceId, List<Long> seatIds) {
        return store.read(s -> {
            List<Commands.SaleLine> lines = new ArrayList<>();
            long total = 0;
            for (Long seatId : seatIds) {
                Seat seat = s.find(Seat.class, seatId);
                Price price = s.find(Price.class, new Price.Key(performanceId, seat.zone(), PriceType.ADULT.name()));
                lines.add(new Commands.SaleLine(UUID.randomUUID(), seatId, null, PriceType.ADULT, price.amountMinor(), 0, null));
                total += price.amountMinor();
            }
            List<Commands.PaymentLine> payments = List.of(new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, total, null, total));
            return new Commands.SellSeats(UUID.randomUUID(), performanceId, null, lines, payments, null, 0, null);
        });
    }

    /** A theatre performance on sale, from the replica. */
    public static long theatrePerformanceOnSale(LocalStore store) {
        return store.read(s -> s.createSelectionQuery(
                        "select p from Performance p where p.status = 'ON_SALE' and p.venueId in (select distinct st.venueId from Seat st) "
                                + "order by p.startsAt", Performance.class)
                .setMaxResults(1).getSingleResult().id());
    }

    /** The first {@code count} seats of a venue's map, in id order. */
    public static List<Long> firstSeats(LocalStore store, long performanceId, int from, int count) {
        return store.read(s -> {
            Performance p = s.find(Performance.class, performanceId);
            return s.createSelectionQuery("select id from Seat where venueId = :v order by id", Long.class)
                    .setParameter("v", p.venueId()).setFirstResult(from).setMaxResults(count).getResultList();
        });
    }
}
