package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.client.print.MoneyFormat;
import com.admitone.model.money.Money;
import com.admitone.model.venue.SeatFlag;

import java.util.ArrayList;
import java.util.List;

/** The text of a seat's tooltip: which seat, its zone and price, its flags and, unless free, its state. */
final class SeatTooltipText {

    private SeatTooltipText() {
    }

    static String of(MapSeat seat, SeatStatus status, String zoneName, Money price, MoneyFormat money) {
        StringBuilder text = new StringBuilder(96);
        text.append(seat.label()).append(" \u2014 ").append(seat.section())
                .append(", row ").append(seat.row()).append(", seat ").append(seat.number());
        text.append('\n').append(zoneName).append(": ")
                .append(price == null ? "no price" : money.format(price));
        List<String> flags = new ArrayList<>(4);
        for (SeatFlag flag : seat.flags()) {
            flags.add(flagText(flag));
        }
        if (!flags.isEmpty()) {
            text.append('\n').append(String.join(" \u00b7 ", flags));
        }
        if (status != SeatStatus.FREE) {
            text.append('\n').append(status.label());
        }
        return text.toString();
    }

    static String flagText(SeatFlag flag) {
        return switch (flag) {
            case WHEELCHAIR -> "Wheelchair space";
            case COMPANION -> "Companion seat";
            case RESTRICTED_VIEW -> "Restricted view";
            case AISLE -> "Aisle";
        };
    }
}
