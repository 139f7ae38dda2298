package com.admitone.client.gate;

import org.hibernate.Session;

import java.util.List;

/** Where a ticket sits, as staff say it: the seat's label or the area's name, from the replica. */
final class TicketPlaces {
    private TicketPlaces() {
    }

    /** The seat label or area name; "Seat 12" or "Area 3" when the replica does not know it (yet). */
    static String of(Session session, Long seatId, Long areaId) {
        if (seatId != null) {
            List<String> labels = session.createSelectionQuery("select s.label from Seat s where s.id = :id", String.class)
                    .setParameter("id", seatId).getResultList();
            return labels.isEmpty() ? "Seat " + seatId : labels.get(0);
        }
        if (areaId == null) {
            return null;
        }
        List<String> names = session.createSelectionQuery("select a.name from GaArea a where a.id = :id", String.class)
                .setParameter("id", areaId).getResultList();
        return names.isEmpty() ? "Area " + areaId : names.get(0);
    }
}
