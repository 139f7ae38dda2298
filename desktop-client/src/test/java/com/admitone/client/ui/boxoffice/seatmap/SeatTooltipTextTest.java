package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.client.print.MoneyFormat;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.money.Money;
import com.admitone.model.venue.SeatFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeatTooltipTextTest {
    private final MoneyFormat gb = new MoneyFormat(Locale.UK);

    @Test
    void namesSeatZoneAndPrice() {
        MapSeat seat = new MapSeat(7, "Stalls C12", "Stalls", "C", 12, 0, 0, "PREMIUM", Set.of());
        assertThat(SeatTooltipText.of(seat, SeatStatus.FREE, "Premium", Money.of(5500, "GBP"), gb))
                .isEqualTo("Stalls C12 \u2014 Stalls, row C, seat 12\nPremium: \u00a355.00");
    }

    @Test
    void listsFlagsAndAnyStateButFree() {
        MapSeat seat = new MapSeat(7, "Stalls T1", "Stalls", "T", 1, 0, 0, "STANDARD",
                EnumSet.of(SeatFlag.AISLE, SeatFlag.WHEELCHAIR));
        assertThat(SeatTooltipText.of(seat, SeatStatus.HELD_BY_OTHER, "Standard", null, gb))
                .isEqualTo("Stalls T1 \u2014 Stalls, row T, seat 1\nStandard: no price\n"
                        + "Wheelchair space \u00b7 Aisle\nHeld by another counter");
    }

    @Test
    void statusFromInventoryState() {
        assertThat(SeatStatus.of(SeatState.HELD, true)).isEqualTo(SeatStatus.HELD_BY_ME);
        assertThat(SeatStatus.of(SeatState.HELD, false)).isEqualTo(SeatStatus.HELD_BY_OTHER);
        assertThat(SeatStatus.of(SeatState.SOLD, true)).isEqualTo(SeatStatus.SOLD);
        assertThat(SeatStatus.of(SeatState.ALLOTTED, false)).isEqualTo(SeatStatus.ALLOTTED);
        assertThat(SeatStatus.HELD_BY_OTHER.styleClass()).isEqualTo("seat-held-by-other");
    }
}
