package com.admitone.client.gate;

import org.hibernate.Session;

import java.util.List;

/** Where a ticket sits, in words staff can read out: its seat label or area name. */
final class TicketPlaces {
    private TicketPlaces() {
    }

    /** The seat label or area name; "Seat 12" or "Area 3" when the replica does not know it (yet). */
    static String of(Session session, Long seatId, Long areaId) {
        if (seatId != null) {
            List<String> labels = session.createSelectionQuery("select s.label from Seat s where s.id = :id", String.class)
                    .setParameter("id", seatId).getResultList();
            return seat(seatId, labels.isEmpty() ? null : labels.get(0));
        }
        if (areaId == null) {
            return null;
        }
        List<String> names = session.createSelectionQuery("select a.name from GaArea a where a.id = :id", String.class)
                .setParameter("id", areaId).getResultList();
        return area(areaId, names.isEmpty() ? null : names.get(0));
    }

    /** The seat's label, or "Seat 12" from its id while the replica does not know it. */
    static String seat(long seatId, String label) {
        return label == null ? "Seat " + seatId : label;
    }

    /** The area's name, or "Area 3" from its id while the replica does not know it. */
    static String area(long areaId, String name) {
        return name == null ? "Area " + areaId : name;
    }
}
