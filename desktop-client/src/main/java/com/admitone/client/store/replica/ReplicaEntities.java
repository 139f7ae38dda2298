package com.admitone.client.store.replica;

import java.util.List;

/** Every entity of the replica, for the store's Hibernate mapping. */
public final class ReplicaEntities {
    public static final List<Class<?>> ALL = List.of(Venue.class, Section.class, Seat.class, GaArea.class, Event.class,
            Performance.class, Price.class, SeatStatus.class, AreaStatus.class, SeatHold.class, CustomerOrder.class,
            Ticket.class, Payment.class, SigningKeyEntry.class, DeviceEntry.class, ScanEntry.class,
            Allotment.class, SaleConflict.class, DeviceCertificateEntry.class);

    private ReplicaEntities() {
    }
}
