package com.admitone.client.store.replica;

import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.Function;

/**
 * Applies change-feed entries to the replica. Each change carries the whole new state of one
 * thing, so applying it twice gives the same result. The server's word replaces the replica's
 * columns but leaves this device's provisional marks alone: those go when the outbox settles.
 * Kinds this version does not know are skipped, so a newer server does not stop an older till.
 */
public final class ChangeApplier {
    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);

    private ChangeApplier() {
    }

    public static void apply(Session session, Change change) {
        switch (change.entity()) {
            case ChangeEntity.VENUE -> upsert(session, Venue.class, Long.parseLong(change.id()), Venue::new, change, (v, d) -> {
                v.name = d.string("name");
                v.timezone = d.string("timezone");
                v.currency = d.string("currency");
                v.taxRateBasisPoints = d.intValue("taxRateBasisPoints", 0);
            });
            case ChangeEntity.SECTION -> upsert(session, Section.class, Long.parseLong(change.id()), Section::new, change, (s, d) -> {
                s.venueId = d.longValue("venueId");
                s.name = d.string("name");
                s.sortOrder = d.intValue("sortOrder", 0);
            });
            case ChangeEntity.SEAT -> upsert(session, Seat.class, Long.parseLong(change.id()), Seat::new, change, (s, d) -> {
                s.venueId = d.longValue("venueId");
                s.sectionId = d.longValue("sectionId");
                s.row = d.string("row");
                s.number = d.intValue("number", 0);
                s.label = d.string("label");
                s.x = d.doubleValue("x");
                s.y = d.doubleValue("y");
                s.zone = d.string("zone");
                s.flags = d.joined("flags");
            });
            case ChangeEntity.AREA -> upsert(session, GaArea.class, Long.parseLong(change.id()), GaArea::new, change, (a, d) -> {
                a.venueId = d.longValue("venueId");
                a.name = d.string("name");
                a.capacity = d.intValue("capacity", 0);
                a.zone = d.string("zone");
            });
            case ChangeEntity.EVENT -> upsert(session, Event.class, Long.parseLong(change.id()), Event::new, change, (e, d) -> {
                e.venueId = d.longValue("venueId");
                e.title = d.string("title");
                e.description = d.string("description");
                e.durationMinutes = d.intValue("durationMinutes", 0);
            });
            case ChangeEntity.PERFORMANCE -> upsert(session, Performance.class, Long.parseLong(change.id()), Performance::new, change,
                    (p, d) -> {
                        p.eventId = d.longValue("eventId");
                        p.venueId = d.longValue("venueId");
                        p.startsAt = d.instant("startsAt");
                        p.status = d.string("status");
                        p.provisionalPolicy = d.string("provisionalPolicy");
                    });
            case ChangeEntity.PRICE -> {
                String[] parts = change.id().split(":", 3);
                Price.Key key = new Price.Key(Long.parseLong(parts[0]), parts[1], parts[2]);
                upsert(session, Price.class, key, Price::new, change, (p, d) -> p.amountMinor = d.longValue("minor"));
            }
            case ChangeEntity.SEAT_STATE -> applySeatState(session, change);
            case ChangeEntity.AREA_STATE -> upsert(session, AreaStatus.class, itemKey(change.id()), AreaStatus::new, change, (a, d) -> {
                a.capacity = d.intValue("capacity", 0);
                a.held = d.intValue("held", 0);
                a.sold = d.intValue("sold", 0);
                a.blocked = d.intValue("blocked", 0);
                a.allotted = d.intValue("allotted", 0);
                a.free = d.intValue("free", a.capacity - a.held - a.sold - a.blocked - a.allotted);
            });
            case ChangeEntity.HOLD -> upsert(session, SeatHold.class, change.id(), SeatHold::new, change, (h, d) -> {
                h.performanceId = d.longValue("performanceId");
                h.deviceId = d.string("deviceId");
                h.expires = d.instant("expiresAt");
                h.status = d.string("status");
            });
            case ChangeEntity.ORDER -> upsert(session, CustomerOrder.class, change.id(), CustomerOrder::new, change, (o, d) -> {
                o.number = d.string("number");
                o.performanceId = d.longValue("performanceId");
                o.status = d.string("status");
                o.currency = d.string("currency");
                o.totalMinor = d.longValue("totalMinor");
                o.discountMinor = d.intValue("discountMinor", 0);
                o.discountReason = d.string("discountReason");
                o.customerName = d.string("customerName");
                o.customerEmail = d.string("customerEmail");
                o.customerPhone = d.string("customerPhone");
                o.userId = d.string("userId");
                o.deviceId = d.string("deviceId");
                o.created = d.instant("createdAt");
                String outcome = d.string("offlineOutcome") != null ? d.string("offlineOutcome") : d.string("outcome");
                if (outcome != null) {
                    o.offlineOutcome = outcome;
                }
                o.pendingKey = null;
            });
            case ChangeEntity.TICKET -> upsert(session, Ticket.class, change.id(), Ticket::new, change, (t, d) -> {
                t.orderId = d.string("orderId");
                t.performanceId = d.longValue("performanceId");
                t.seatId = d.optionalLong("seatId");
                t.areaId = d.optionalLong("areaId");
                t.priceType = d.string("priceType");
                t.priceMinor = d.longValue("priceMinor");
                t.discountMinor = d.intValue("discountMinor", 0);
                t.discountReason = d.string("discountReason");
                t.status = d.string("status");
                t.token = d.string("token");
                t.keyId = d.string("keyId");
                t.issued = d.instant("issuedAt");
                t.revoked = d.instant("revokedAt");
                t.pendingKey = null;
            });
            case ChangeEntity.PAYMENT -> upsert(session, Payment.class, change.id(), Payment::new, change, (p, d) -> {
                p.orderId = d.string("orderId");
                p.kind = d.string("kind");
                p.method = d.string("method");
                p.amountMinor = d.longValue("amountMinor");
                p.tenderedMinor = d.optionalLong("tenderedMinor");
                p.reference = d.string("reference");
                p.reason = d.string("reason");
                p.userId = d.string("userId");
                p.deviceId = d.string("deviceId");
                p.created = d.instant("createdAt");
                p.pendingKey = null;
            });
            case ChangeEntity.SIGNING_KEY -> upsert(session, SigningKeyEntry.class, change.id(), SigningKeyEntry::new, change, (k, d) -> {
                k.owner = d.string("owner");
                k.deviceId = d.string("deviceId");
                k.publicKey = d.string("publicKey");
                k.created = d.instant("createdAt");
                k.retired = d.instant("retiredAt");
                k.revoked = d.bool("revoked");
            });
            case ChangeEntity.DEVICE -> upsert(session, DeviceEntry.class, change.id(), DeviceEntry::new, change, (e, d) -> {
                e.name = d.string("name");
                e.status = d.string("status");
            });
            case ChangeEntity.SCAN -> upsert(session, ScanEntry.class, change.id(), ScanEntry::new, change, (s, d) -> {
                s.ticketId = d.string("ticketId");
                s.performanceId = d.optionalLong("performanceId");
                s.gate = d.string("gate");
                s.mode = d.string("mode");
                s.verdict = d.string("verdict");
                // The gate's own clock, as staff at every gate are shown it; the server's if none was sent.
                Instant scanned = d.instant("deviceTime");
                s.scanned = scanned != null ? scanned : d.instant("recordedAt");
                s.deviceId = d.string("deviceId");
                s.duplicate = d.bool("duplicate");
                s.confirmed = true;
            });
            case ChangeEntity.ALLOTMENT -> applyAllotment(session, change);
            case ChangeEntity.CONFLICT -> upsert(session, SaleConflict.class, change.id(), SaleConflict::new, change, (c, d) -> {
                c.orderId = d.string("orderId");
                c.performanceId = d.optionalLong("performanceId");
                c.deviceId = d.string("deviceId");
                c.status = d.string("status") == null ? "OPEN" : d.string("status");
                c.reason = d.string("reason");
                c.ticketIds = d.joined("ticketIds");
                c.seatIds = d.joined("seatIds");
                c.areaIds = d.joined("areaIds");
                c.orderNumber = d.string("orderNumber");
                c.created = d.instant("createdAt");
                c.resolved = d.instant("resolvedAt");
                c.resolution = d.string("resolution");
                c.note = d.string("note");
                if (!"OPEN".equals(c.status)) {
                    c.pendingKey = null;
                }
            });
            case ChangeEntity.DEVICE_KEY -> upsert(session, DeviceCertificateEntry.class, change.id(), DeviceCertificateEntry::new, change,
                    (k, d) -> {
                        k.deviceId = d.string("deviceId");
                        k.publicKey = d.string("publicKeyBase64") != null ? d.string("publicKeyBase64") : d.string("publicKey");
                        k.notAfter = d.instant("notAfter");
                        k.issuerKeyId = d.string("issuerKeyId");
                        k.signature = d.string("signatureBase64") != null ? d.string("signatureBase64") : d.string("signature");
                        k.revoked = d.bool("revoked");
                    });
            default -> log.debug("skipping change {} of unknown kind {}", change.seq(), change.entity());
        }
    }

    /** A closed allotment (released, expired) is published once more with its status: it is dropped here. */
    private static void applyAllotment(Session session, Change change) {
        FeedData d = new FeedData(change.data());
        String status = d.string("status");
        if (!change.deleted() && status != null && !"OPEN".equals(status)) {
            Allotment gone = session.find(Allotment.class, change.id());
            if (gone != null) {
                session.remove(gone);
            }
            return;
        }
        upsert(session, Allotment.class, change.id(), Allotment::new, change, (a, data) -> {
            a.performanceId = data.longValue("performanceId");
            a.deviceId = data.string("deviceId");
            a.until = data.instant("until");
            a.status = status == null ? "OPEN" : status;
            a.seatIds = data.joined("seatIds");
            a.areas = data.areaPlaces("areas");
        });
    }

    /** A seat back to FREE loses its row unless this device still has an unsettled command on it. */
    private static void applySeatState(Session session, Change change) {
        PerformanceItemKey key = itemKey(change.id());
        SeatStatus row = session.find(SeatStatus.class, key);
        FeedData d = new FeedData(change.data());
        SeatState state = change.deleted() ? SeatState.FREE : SeatState.valueOf(d.string("state"));
        if (state == SeatState.FREE && (row == null || row.provisionalKey == null)) {
            if (row != null) {
                session.remove(row);
            }
            return;
        }
        if (row == null) {
            row = new SeatStatus(key);
            session.persist(row);
        }
        row.state = state.name();
        row.holdDeviceId = d.string("holdDeviceId");
        row.holdExpires = d.instant("holdExpiresAt");
        row.orderId = d.string("orderId");
        row.allottedDeviceId = d.string("allottedDeviceId");
    }

    static PerformanceItemKey itemKey(String feedId) {
        int colon = feedId.indexOf(':');
        return new PerformanceItemKey(Long.parseLong(feedId.substring(0, colon)), Long.parseLong(feedId.substring(colon + 1)));
    }

    private interface Fill<E> {
        void fill(E entity, FeedData data);
    }

    private static <E, K> void upsert(Session session, Class<E> type, K id, Function<K, E> create, Change change, Fill<E> fill) {
        E existing = session.find(type, id);
        if (change.deleted()) {
            if (existing != null) {
                session.remove(existing);
            }
            return;
        }
        boolean fresh = existing == null;
        E entity = fresh ? create.apply(id) : existing;
        fill.fill(entity, new FeedData(change.data()));
        if (fresh) {
            session.persist(entity);
        }
    }
}
