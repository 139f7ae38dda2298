package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One seat as the seat map draws it: its id, what staff call it, where it is on the venue plan and
 * which price zone it belongs to. Coordinates are venue-plan units with y growing away from the
 * stage, so the front row has the smallest y.
 */
public record MapSeat(long id, String label, String section, String row, int number, double x, double y,
                      String zone, Set<SeatFlag> flags) {

    public MapSeat {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(zone, "zone");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("seat " + id + " has no position");
        }
        flags = flags == null || flags.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    public boolean has(SeatFlag flag) {
        return flags.contains(flag);
    }
}
