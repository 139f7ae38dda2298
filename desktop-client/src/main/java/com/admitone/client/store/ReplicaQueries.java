package com.admitone.client.store;

import com.admitone.client.store.replica.PerformanceItemKey;
import com.admitone.client.store.replica.SeatStatus;
import com.admitone.model.inventory.SeatState;

/** Small read questions about the replica that the shell, the sync view and tests ask. */
public final class ReplicaQueries {
    private final LocalStore store;

    public ReplicaQueries(LocalStore store) {
        this.store = store;
    }

    /** The state to show for a seat: no row means FREE. */
    public SeatState seatState(long performanceId, long seatId) {
        return store.read(s -> {
            SeatStatus row = s.find(SeatStatus.class, new PerformanceItemKey(performanceId, seatId));
            return row == null ? SeatState.FREE : row.effectiveState();
        });
    }

    /** The server's last word on a seat, ignoring this device's unsettled commands. */
    public SeatState confirmedSeatState(long performanceId, long seatId) {
        return store.read(s -> {
            SeatStatus row = s.find(SeatStatus.class, new PerformanceItemKey(performanceId, seatId));
            return row == null ? SeatState.FREE : row.confirmedState();
        });
    }

    public long count(Class<?> entity) {
        return store.read(s -> s.createSelectionQuery("select count(*) from " + entity.getSimpleName(), Long.class).getSingleResult());
    }
}
