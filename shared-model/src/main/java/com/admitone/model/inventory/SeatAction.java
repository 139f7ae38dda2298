package com.admitone.model.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every way a seat's state can change, with the states it may start from and the state it ends in.
 * The one place the seat life cycle is written down: the server applies it to the authoritative
 * inventory, the client to its replica and its offline allotment.
 */
public enum SeatAction {
    HOLD(EnumSet.of(SeatState.FREE), SeatState.HELD),
    RELEASE_HOLD(EnumSet.of(SeatState.HELD), SeatState.FREE),
    EXPIRE_HOLD(EnumSet.of(SeatState.HELD), SeatState.FREE),
    /** A sale from the seller's own hold, its device's allotment or, where allowed, straight from free. */
    SELL(EnumSet.of(SeatState.FREE, SeatState.HELD, SeatState.ALLOTTED), SeatState.SOLD),
    REFUND(EnumSet.of(SeatState.SOLD), SeatState.FREE),
    BLOCK(EnumSet.of(SeatState.FREE), SeatState.BLOCKED),
    UNBLOCK(EnumSet.of(SeatState.BLOCKED), SeatState.FREE),
    ALLOT(EnumSet.of(SeatState.FREE), SeatState.ALLOTTED),
    RETURN_ALLOTMENT(EnumSet.of(SeatState.ALLOTTED), SeatState.FREE);

    private final Set<SeatState> from;
    private final SeatState to;

    SeatAction(Set<SeatState> from, SeatState to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(SeatState state) {
        return from.contains(state);
    }

    public Set<SeatState> from() {
        return EnumSet.copyOf(from);
    }

    public SeatState to() {
        return to;
    }
}
