package com.admitone.server.sales;

import com.admitone.model.offline.ConflictResolution;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.offline.ReconcileOutcome;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.programme.PerformanceStatus;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.MalformedTokenException;
import com.admitone.model.ticket.SignedToken;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.Allotment;
import com.admitone.server.inventory.AllotmentService;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.keys.DeviceKeys;
import com.admitone.server.keys.TicketSigner;
import com.admitone.server.offline.SeatPicker;
import com.admitone.server.programme.Performance;
import com.admitone.server.programme.ReferenceData;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Offline sales arriving at sync and the conflicts they leave (docs/offline.md). An allotment sale
 * sells the device's ALLOTTED seats (GUARANTEED); a provisional one follows the performance's
 * {@link ProvisionalPolicy}: accepted when its seats are free, moved to the nearest equivalent free
 * seats, or a conflict. Every seat is sold with a conditional update, so nothing is sold twice;
 * what cannot be placed is CANCELLED and recorded as a conflict, never oversold.
 */
public final class OfflineSales {
    /** Bounds {@link #verified}: enough for many batches in flight. */
    private static final int MAX_VERIFIED = 100_000;

    private final AllotmentService allotments;
    private final TicketSigner signer;
    private final ReferenceData reference;
    /** Tokens whose signature {@link #preverify} found good, each as "public key, space, token". */
    private final Set<String> verified = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public OfflineSales(AllotmentService allotments, TicketSigner signer, ReferenceData reference) {
        this.allotments = allotments;
        this.signer = signer;
        this.reference = reference;
    }

    /**
     * Applies one offline sale. Every refusal comes before the first {@code persist}: the command
     * applier flushes a group's sales together and does not clear the session when one is
     * refused ({@code CommandService.deferrable}), so a refusal after a persist would make it run
     * the group again, the slow way.
     */
    public Map<String, Object> sell(WriteContext ctx, Commands.SellOffline command) {
        Session session = ctx.session();
        if (command.orderId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "orderId is required.");
        }
        if (command.lines().isEmpty() || command.lines().size() > SalesService.MAX_LINES) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An order has 1 to " + SalesService.MAX_LINES + " tickets.");
        }
        if (command.soldAt() != null && !com.admitone.server.storage.InstantMillisConverter.supports(command.soldAt())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "soldAt lies between the years 0000 and 9999.");
        }
        Performance performance = InventoryService.requirePerformance(ctx, command.performanceId());
        if (performance.status() == PerformanceStatus.CANCELLED) {
            // The sale happened already; a closed sale still counts, a cancelled performance cannot take it.
            throw new ApiException(ErrorCode.NOT_ON_SALE, "Performance " + performance.id() + " is cancelled.");
        }
        String orderId = command.orderId().toString();
        ReferenceData.VenueFacts venue = reference.venue(session, performance.venueId());
        Map<Long, String> zoneBySeat = reference.seatZones(session, performance.venueId());
        long total = checkLines(session, performance, command.lines(), zoneBySeat, reference.areaZones(session, performance.venueId()));
        SalesService.checkDiscount(command.orderDiscountMinor(), total, command.orderDiscountReason());
        total -= command.orderDiscountMinor();
        long paid = SalesService.checkPayments(command.payments());
        if (paid != total) {
            throw new ApiException(ErrorCode.PAYMENT_MISMATCH, "The payments add up to " + paid + " but the order total is " + total + ".",
                    Map.of("totalMinor", total, "paidMinor", paid));
        }
        SalesService.requireDistinctPaymentIds(command.payments());
        String number = NewIds.requireNew(ctx, orderId,
                command.lines().stream().map(l -> l.line().ticketId().toString()).toList(), SalesService.paymentIds(command.payments()));
        Instant signedAt = command.soldAt() != null ? command.soldAt() : ctx.deviceTime() != null ? ctx.deviceTime() : ctx.now();
        checkTokens(ctx, signedAt, performance.id(), command.lines());

        Allotment allotment = command.allotmentId() == null ? null
                : allotments.requireOwnAllotment(ctx, command.allotmentId(), performance.id());
        ProvisionalPolicy policy = performance.provisionalPolicy();
        if (allotment == null && !policy.allowsProvisionalSales()) {
            throw new ApiException(ErrorCode.PROVISIONAL_NOT_ALLOWED, "Performance " + performance.id()
                    + " takes offline sales only from an allotment.");
        }

        // Place the seats: from the allotment, else where still free, else (policy permitting) moved.
        List<Long> wanted = new ArrayList<>();
        Map<Long, Integer> wantedPlaces = new TreeMap<>();
        for (Commands.OfflineLine line : command.lines()) {
            if (line.line().seatId() != null) {
                wanted.add(line.line().seatId());
            } else {
                wantedPlaces.merge(line.line().areaId(), 1, Integer::sum);
            }
        }
        boolean guaranteed = allotment != null;
        Set<Long> placed = new HashSet<>();
        if (allotment != null) {
            placed.addAll(allotments.sellAllotted(ctx, allotment, new TreeSet<>(wanted), orderId));
        }
        List<Long> rest = wanted.stream().filter(id -> !placed.contains(id)).toList();
        if (!rest.isEmpty()) {
            guaranteed = false;
            placed.addAll(allotments.sellIfFree(ctx, performance.id(), new TreeSet<>(rest), orderId));
        }
        List<Long> taken = wanted.stream().filter(id -> !placed.contains(id)).toList();
        Map<Long, Long> movedTo = taken.isEmpty() || policy != ProvisionalPolicy.ACCEPT_OR_MOVE
                ? Map.of() : move(ctx, performance.id(), taken, zoneBySeat, orderId);
        Map<Long, Integer> placedPlaces = new HashMap<>();
        for (Map.Entry<Long, Integer> area : wantedPlaces.entrySet()) {
            int got = allotment == null ? 0 : allotments.sellAllottedPlaces(ctx, allotment, area.getKey(), area.getValue());
            if (got < area.getValue()) {
                guaranteed = false;
                got += allotments.sellFreePlaces(ctx, performance.id(), area.getKey(), area.getValue() - got);
            }
            placedPlaces.put(area.getKey(), got);
        }

        CustomerOrder order = new CustomerOrder(orderId, number, performance.id(), venue.currency(),
                ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
        order.totalMinor = total;
        order.discountMinor = command.orderDiscountMinor();
        order.discountReason = SalesService.blankToNull(command.orderDiscountReason());
        order.deviceTime = command.soldAt() != null ? command.soldAt() : ctx.deviceTime();
        if (command.customer() != null) {
            order.customerName = SalesService.limit(command.customer().name(), 120);
            order.customerEmail = SalesService.limit(command.customer().email(), 200);
            order.customerPhone = SalesService.limit(command.customer().phone(), 40);
        }

        TokenWindow window = window(session, performance);
        List<Map<String, Object>> moves = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        List<Ticket> unplaced = new ArrayList<>();
        Map<Long, Integer> placesLeft = new HashMap<>(placedPlaces);
        for (Commands.OfflineLine offline : command.lines()) {
            Commands.SaleLine line = offline.line();
            String keyId = offline.token().strip().isEmpty() ? "" : decodeQuietly(offline.token()).keyId();
            Ticket ticket = new Ticket(line.ticketId().toString(), orderId, performance.id(), line.seatId(), line.areaId(),
                    line.priceType().name(), line.priceMinor(), line.discountMinor(), SalesService.blankToNull(line.discountReason()),
                    offline.token().strip(), keyId, ctx.now());
            if (line.seatId() != null && !placed.contains(line.seatId())) {
                Long to = movedTo.get(line.seatId());
                if (to != null) {
                    String token = signer.sign(new TicketToken(signer.keyId(), line.ticketId(), performance.id(), to, null,
                            line.priceType(), window.from(), window.until(), 1));
                    ticket.reissue(to, token, signer.keyId(), ctx.now());
                    Map<String, Object> move = new LinkedHashMap<>();
                    move.put("ticketId", ticket.id);
                    move.put("fromSeatId", line.seatId());
                    move.put("toSeatId", to);
                    move.put("token", token);
                    moves.add(move);
                } else {
                    ticket.cancel(ctx.now());
                    unplaced.add(ticket);
                }
            } else if (line.areaId() != null) {
                int left = placesLeft.getOrDefault(line.areaId(), 0);
                if (left > 0) {
                    placesLeft.put(line.areaId(), left - 1);
                } else {
                    ticket.cancel(ctx.now());
                    unplaced.add(ticket);
                }
            }
            tickets.add(ticket);
        }
        ReconcileOutcome outcome = !unplaced.isEmpty() ? ReconcileOutcome.CONFLICT
                : !moves.isEmpty() ? ReconcileOutcome.MOVED
                : guaranteed ? ReconcileOutcome.GUARANTEED : ReconcileOutcome.ACCEPTED;
        // Complete before it is persisted: a change after persist costs an UPDATE at flush.
        order.reconcileOutcome = outcome.name();
        session.persist(order);
        tickets.forEach(session::persist);

        List<Long> soldSeats = new ArrayList<>(placed);
        soldSeats.addAll(movedTo.values());
        soldSeats.sort(Comparator.naturalOrder());
        AllotmentService.publishSold(ctx, performance.id(), soldSeats, orderId);
        if (allotment != null) {
            allotments.published(ctx, allotment);
        }
        List<Map<String, Object>> issued = new ArrayList<>();
        for (Ticket ticket : tickets) {
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
            issued.add(ticket.feedData());
        }
        for (Commands.PaymentLine line : command.payments()) {
            Payment payment = new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    orderId, Payment.PAYMENT, line.method().name(), line.amountMinor(), line.tenderedMinor(),
                    SalesService.limit(line.reference(), 120), null, ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
            session.persist(payment);
            ctx.changed(ChangeEntity.PAYMENT, payment.id, payment.feedData());
        }
        ctx.changed(ChangeEntity.ORDER, order.id, order.feedData());
        String conflictId = null;
        if (!unplaced.isEmpty()) {
            conflictId = conflictId(orderId);
            OfflineConflict conflict = new OfflineConflict(conflictId, orderId, performance.id(), ctx.principal().deviceId(),
                    unplaced.stream().map(t -> t.id).toList(),
                    unplaced.stream().filter(t -> t.seatId != null).map(t -> t.seatId).toList(),
                    unplaced.stream().filter(t -> t.areaId != null).map(t -> t.areaId).toList(), ctx.now());
            session.persist(conflict);
            ctx.changed(ChangeEntity.CONFLICT, conflictId, conflict.feedData(order.number));
            ctx.audit("conflict_opened", ChangeEntity.CONFLICT, conflictId, Map.of("orderId", orderId,
                    "ticketIds", conflict.ticketIds()));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("number", order.number);
        detail.put("performanceId", performance.id());
        detail.put("outcome", outcome.name());
        detail.put("allotmentId", allotment == null ? "" : allotment.id());
        detail.put("seatIds", soldSeats);
        detail.put("moves", moves.size());
        detail.put("totalMinor", total);
        ctx.audit("sell_offline", ChangeEntity.ORDER, order.id, detail);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id);
        data.put("orderNumber", order.number);
        data.put("outcome", outcome.name());
        data.put("totalMinor", total);
        data.put("currency", order.currency);
        data.put("tickets", issued);
        data.put("moves", moves);
        if (conflictId != null) {
            data.put("conflictId", conflictId);
        }
        return data;
    }

    public Map<String, Object> resolve(WriteContext ctx, Commands.ResolveConflict command) {
        Session session = ctx.session();
        if (command.conflictId() == null || command.resolution() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "conflictId and resolution are required.");
        }
        OfflineConflict conflict = session.find(OfflineConflict.class, command.conflictId().toString());
        if (conflict == null) {
            throw new ApiException(ErrorCode.UNKNOWN_CONFLICT, "There is no conflict " + command.conflictId() + ".");
        }
        if (!OfflineConflict.OPEN.equals(conflict.status)) {
            throw new ApiException(ErrorCode.CONFLICT_RESOLVED, "Conflict " + conflict.id + " was resolved already ("
                    + conflict.resolution + ").");
        }
        if (command.note() != null && command.note().length() > 500) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A note has at most 500 characters.");
        }
        CustomerOrder order = session.find(CustomerOrder.class, conflict.orderId);
        List<Ticket> all = session.createSelectionQuery("from Ticket where orderId = :order order by id", Ticket.class)
                .setParameter("order", order.id).getResultList();
        Map<String, Ticket> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id, t));
        List<Ticket> cancelled = conflict.ticketIds().stream().map(byId::get)
                .filter(t -> t != null && Ticket.CANCELLED.equals(t.status)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conflictId", conflict.id);
        data.put("orderId", order.id);
        data.put("resolution", command.resolution().name());
        long refunded = 0;
        List<Ticket> reissued = new ArrayList<>();
        switch (command.resolution()) {
            case OTHER_SEATS -> reissued.addAll(placeElsewhere(ctx, conflict, order, cancelled, command.seatIds()));
            case REFUND -> refunded = refund(ctx, order, cancelled, command.payouts(), command.note());
            case MARK_RESOLVED -> {
                if (command.note() == null || command.note().isBlank()) {
                    throw new ApiException(ErrorCode.REASON_REQUIRED, "Say in a note how the conflict was settled.");
                }
            }
        }
        conflict.status = OfflineConflict.RESOLVED;
        conflict.resolution = command.resolution().name();
        conflict.note = SalesService.blankToNull(command.note());
        conflict.resolved = ctx.now();
        conflict.resolvedBy = ctx.principal().userId();
        ctx.changed(ChangeEntity.CONFLICT, conflict.id, conflict.feedData(order.number));
        ctx.changed(ChangeEntity.ORDER, order.id, order.feedData());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("resolution", command.resolution().name());
        detail.put("orderId", order.id);
        detail.put("seatIds", command.seatIds());
        detail.put("refundedMinor", refunded);
        detail.put("note", conflict.note == null ? "" : conflict.note);
        ctx.audit("resolve_conflict", ChangeEntity.CONFLICT, conflict.id, detail);
        data.put("status", conflict.status);
        data.put("tickets", reissued.stream().map(Ticket::feedData).toList());
        data.put("refundedMinor", refunded);
        return data;
    }

    /** OTHER_SEATS: the unplaced tickets get the seats staff chose (free ones) and new server-signed tokens. */
    private List<Ticket> placeElsewhere(WriteContext ctx, OfflineConflict conflict, CustomerOrder order, List<Ticket> cancelled,
                                        List<Long> seatList) {
        Session session = ctx.session();
        Set<Long> seatIds = InventoryService.seatSet(seatList);
        List<Ticket> seatTickets = cancelled.stream().filter(t -> t.seatId != null).toList();
        List<Ticket> placeTickets = cancelled.stream().filter(t -> t.areaId != null).toList();
        if (seatIds.size() != seatTickets.size()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Name " + seatTickets.size() + " seats, one for each unplaced ticket.");
        }
        Performance performance = InventoryService.requirePerformance(session, conflict.performanceId);
        Map<Long, String> zones = reference.seatZones(session, performance.venueId());
        for (Long seatId : seatIds) {
            if (!zones.containsKey(seatId)) {
                throw new ApiException(ErrorCode.UNKNOWN_SEAT, "Seat " + seatId + " is not part of this performance's venue.");
            }
        }
        List<Long> sold = allotments.sellIfFree(ctx, performance.id(), seatIds, order.id);
        if (sold.size() != seatIds.size()) {
            List<Long> notFree = seatIds.stream().filter(id -> !sold.contains(id)).toList();
            throw new ApiException(ErrorCode.SEAT_TAKEN, notFree.size() + " of the chosen seats are not free.", Map.of("seatIds", notFree));
        }
        Map<Long, Integer> places = new TreeMap<>();
        placeTickets.forEach(t -> places.merge(t.areaId, 1, Integer::sum));
        for (Map.Entry<Long, Integer> area : places.entrySet()) {
            if (allotments.sellFreePlaces(ctx, performance.id(), area.getKey(), area.getValue()) != area.getValue()) {
                throw new ApiException(ErrorCode.CAPACITY_EXCEEDED, "Not enough places are left in area " + area.getKey() + ".",
                        Map.of("areaId", area.getKey()));
            }
        }
        AllotmentService.publishSold(ctx, performance.id(), seatIds, order.id);
        TokenWindow window = window(session, performance);
        List<Long> seats = new ArrayList<>(seatIds);
        List<Ticket> reissued = new ArrayList<>();
        for (int i = 0; i < cancelled.size(); i++) {
            Ticket ticket = cancelled.get(i);
            Long seatId = ticket.seatId != null ? seats.remove(0) : null;
            String token = signer.sign(new TicketToken(signer.keyId(), UUID.fromString(ticket.id), performance.id(), seatId,
                    seatId == null ? ticket.areaId : null, com.admitone.model.pricing.PriceType.valueOf(ticket.priceType),
                    window.from(), window.until(), 1));
            ticket.reissue(seatId, token, signer.keyId(), ctx.now());
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
            reissued.add(ticket);
        }
        return reissued;
    }

    /** REFUND: the money of the unplaced tickets goes back (by default the way it was paid); the tickets stay cancelled. */
    private long refund(WriteContext ctx, CustomerOrder order, List<Ticket> cancelled, List<Commands.PaymentLine> payoutList,
                        String note) {
        Session session = ctx.session();
        List<Payment> payments = session.createSelectionQuery("from Payment where orderId = :order order by created", Payment.class)
                .setParameter("order", order.id).getResultList();
        long paidIn = payments.stream().filter(p -> Payment.PAYMENT.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long paidOut = payments.stream().filter(p -> Payment.REFUND.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long due = Math.min(paidIn - paidOut, cancelled.stream().mapToLong(Ticket::netMinor).sum());
        List<Commands.PaymentLine> payouts = payoutList;
        if (payouts.isEmpty() && due > 0) {
            String method = payments.stream().filter(p -> Payment.PAYMENT.equals(p.kind)).map(p -> p.method).findFirst()
                    .orElse(PaymentMethod.CASH.name());
            payouts = List.of(new Commands.PaymentLine(null, PaymentMethod.valueOf(method), due, null, null));
        }
        long payingOut = SalesService.checkPayments(payouts);
        SalesService.requireDistinctPaymentIds(payouts);
        SalesService.requireNewIds(session, null, List.of(), SalesService.paymentIds(payouts));
        if (payingOut > paidIn - paidOut) {
            throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAID, "Only " + (paidIn - paidOut) + " is left to refund on this order.",
                    Map.of("refundableMinor", paidIn - paidOut));
        }
        String reason = note == null || note.isBlank() ? "offline sale could not be placed" : note.strip();
        for (Commands.PaymentLine line : payouts) {
            Payment payout = new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    order.id, Payment.REFUND, line.method().name(), line.amountMinor(), null, SalesService.limit(line.reference(), 120),
                    reason.length() > 200 ? reason.substring(0, 200) : reason, ctx.principal().userId(), ctx.principal().deviceId(),
                    ctx.now());
            session.persist(payout);
            ctx.changed(ChangeEntity.PAYMENT, payout.id, payout.feedData());
        }
        boolean anyValid = !session.createSelectionQuery("select 1 from Ticket where orderId = :order and status = :valid", Integer.class)
                .setParameter("order", order.id).setParameter("valid", Ticket.VALID).setMaxResults(1).getResultList().isEmpty();
        order.status = anyValid ? CustomerOrder.PART_REFUNDED : CustomerOrder.REFUNDED;
        return payingOut;
    }

    /** The conflict an order's unplaced tickets are recorded under: derived from the order, so a repeat finds the same one. */
    public static String conflictId(String orderId) {
        return UUID.nameUUIDFromBytes(("conflict:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Moves taken seats to the nearest free seats of the same price zone, a group kept together in one
     * row where a row has room; answers old seat to new seat for those it could place.
     */
    private Map<Long, Long> move(WriteContext ctx, long performanceId, List<Long> taken, Map<Long, String> zoneBySeat, String orderId) {
        Session session = ctx.session();
        Map<String, List<Long>> byZone = new TreeMap<>();
        for (Long seatId : taken) {
            byZone.computeIfAbsent(zoneBySeat.get(seatId), z -> new ArrayList<>()).add(seatId);
        }
        Map<Long, AllotmentService.SeatPlace> where = AllotmentService.places(session, taken);
        Map<Long, Long> movedTo = new HashMap<>();
        for (Map.Entry<String, List<Long>> zone : byZone.entrySet()) {
            List<Long> from = new ArrayList<>(zone.getValue());
            double x = from.stream().mapToDouble(id -> where.get(id).x()).average().orElse(0);
            double y = from.stream().mapToDouble(id -> where.get(id).y()).average().orElse(0);
            List<Long> to = new ArrayList<>();
            // Two tries: on PostgreSQL another node may take a chosen seat between the read and the update.
            for (int attempt = 0; attempt < 2 && to.size() < from.size(); attempt++) {
                List<SeatPicker.Candidate> free = AllotmentService.freeSeats(session, performanceId, zone.getKey());
                List<Long> picked = SeatPicker.nearest(free, from.size() - to.size(), x, y);
                if (picked.isEmpty()) {
                    break;
                }
                to.addAll(allotments.sellIfFree(ctx, performanceId, new TreeSet<>(picked), orderId));
            }
            // Pair them up left to right, so a couple keeps its order along the row.
            from.sort(Comparator.comparingDouble(id -> where.get(id).x()));
            Map<Long, AllotmentService.SeatPlace> toWhere = AllotmentService.places(session, to);
            to.sort(Comparator.comparingDouble(id -> toWhere.get(id).x()));
            for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                movedTo.put(from.get(i), to.get(i));
            }
        }
        return movedTo;
    }

    /** Checks every line against the price list (as a counter sale is) and answers the order total before its discount. */
    private long checkLines(Session session, Performance performance, List<Commands.OfflineLine> lines,
                            Map<Long, String> zoneBySeat, Map<Long, String> zoneByArea) {
        Map<String, Long> prices = reference.prices(session, performance.id());
        Set<UUID> ticketIds = new HashSet<>();
        Set<Long> seats = new HashSet<>();
        long total = 0;
        for (Commands.OfflineLine offline : lines) {
            if (offline == null || offline.line() == null || offline.token() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every offline line needs a sale line and its token.");
            }
            Commands.SaleLine line = offline.line();
            if (line.ticketId() == null || line.priceType() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every line needs a ticketId and a priceType.");
            }
            if (!ticketIds.add(line.ticketId())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Ticket " + line.ticketId() + " is named twice.");
            }
            if ((line.seatId() == null) == (line.areaId() == null)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A line is for exactly one seat or one area.");
            }
            String zone = line.seatId() != null ? zoneBySeat.get(line.seatId()) : zoneByArea.get(line.areaId());
            if (zone == null) {
                throw line.seatId() != null
                        ? new ApiException(ErrorCode.UNKNOWN_SEAT, "Seat " + line.seatId() + " is not part of this performance's venue.")
                        : new ApiException(ErrorCode.UNKNOWN_AREA, "Area " + line.areaId() + " is not part of this performance's venue.");
            }
            Long listed = prices.get(zone + ":" + line.priceType().name());
            if (listed == null || line.priceMinor() != listed) {
                throw new ApiException(ErrorCode.PRICE_MISMATCH, "The price of a " + line.priceType().label() + " ticket in zone "
                        + zone + " is " + listed + ", not " + line.priceMinor() + ".",
                        listed == null ? Map.of("ticketId", line.ticketId().toString())
                                : Map.of("ticketId", line.ticketId().toString(), "listedMinor", listed));
            }
            SalesService.checkDiscount(line.discountMinor(), line.priceMinor(), line.discountReason());
            total = Math.addExact(total, line.priceMinor() - line.discountMinor());
            if (line.seatId() != null && !seats.add(line.seatId())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Seat " + line.seatId() + " is sold twice in one order.");
            }
        }
        return total;
    }

    /**
     * Checks the signatures of a batch's offline tickets ahead of the transaction that applies
     * them, on the request's own thread: a signature check is a third of the CPU an offline sale
     * costs on the one command applier, and needs only the device's public keys. Whether the key
     * may sign (certified for the device, not revoked, not run out) is still decided in the
     * transaction, which then only looks the signature up. Never throws: a bad token is refused by
     * {@link #sell}.
     */
    public void preverify(Session session, String deviceId, List<Commands.SellOffline> sales) {
        if (deviceId == null || sales.isEmpty() || verified.size() >= MAX_VERIFIED) {
            return;
        }
        Map<String, VerifyingKey> keys = DeviceKeys.decodedKeysOf(session, deviceId);
        for (Commands.SellOffline sale : sales) {
            for (Commands.OfflineLine line : sale.lines() == null ? List.<Commands.OfflineLine>of() : sale.lines()) {
                if (line == null || line.token() == null) {
                    continue;
                }
                try {
                    SignedToken signed = TicketTokenCodec.decode(line.token());
                    VerifyingKey key = keys.get(signed.token().keyId());
                    if (key != null && TicketTokenCodec.verify(signed, id -> key)) {
                        verified.add(key.publicKeyBase64() + " " + line.token());
                    }
                } catch (MalformedTokenException | RuntimeException e) {
                    // Refused with its reason when the sale is applied.
                }
            }
        }
    }

    /** Forgets what {@link #preverify} found for a batch, once it was applied (or refused). */
    public void discardPreverified(List<Commands.SellOffline> sales) {
        if (verified.isEmpty()) {
            return;
        }
        Set<String> tokens = new HashSet<>();
        for (Commands.SellOffline sale : sales) {
            if (sale.lines() != null) {
                sale.lines().stream().filter(l -> l != null && l.token() != null).forEach(l -> tokens.add(l.token()));
            }
        }
        verified.removeIf(entry -> tokens.contains(entry.substring(entry.indexOf(' ') + 1)));
    }

    /**
     * Every token must be signed by a certified, unrevoked key of the sending device and say exactly
     * what its line says; otherwise the whole sale is refused and nothing changes.
     */
    private void checkTokens(WriteContext ctx, Instant signedAt, long performanceId, List<Commands.OfflineLine> lines) {
        Map<String, VerifyingKey> keys = DeviceKeys.signingKeysOf(ctx, ctx.principal().deviceId(), signedAt);
        for (Commands.OfflineLine offline : lines) {
            Commands.SaleLine line = offline.line();
            SignedToken signed;
            try {
                signed = TicketTokenCodec.decode(offline.token());
            } catch (MalformedTokenException e) {
                throw badToken(line, "the token is unreadable: " + e.getMessage());
            }
            TicketToken token = signed.token();
            VerifyingKey key = keys.get(token.keyId());
            if (key == null) {
                throw badToken(line, "key " + token.keyId() + " is not a certified, unrevoked key of this device");
            }
            if (!verified.contains(key.publicKeyBase64() + " " + offline.token()) && !TicketTokenCodec.verify(signed, id -> key)) {
                throw badToken(line, "the signature does not verify");
            }
            if (!token.ticketId().equals(line.ticketId()) || token.performanceId() != performanceId
                    || !Objects.equals(token.seatId(), line.seatId()) || !Objects.equals(token.areaId(), line.areaId())
                    || token.priceType() != line.priceType() || token.admits() != 1) {
                throw badToken(line, "the token does not say what the line says");
            }
        }
    }

    private static ApiException badToken(Commands.SaleLine line, String reason) {
        return new ApiException(ErrorCode.DEVICE_KEY_INVALID, "Ticket " + line.ticketId() + ": " + reason + ".",
                Map.of("ticketId", line.ticketId().toString(), "reason", reason));
    }

    private static TicketToken decodeQuietly(String token) {
        try {
            return TicketTokenCodec.decode(token).token();
        } catch (MalformedTokenException e) {
            throw new IllegalStateException("token checked before", e);
        }
    }

    private record TokenWindow(Instant from, Instant until) {
    }

    /** The same validity window a counter sale's tickets get. */
    private TokenWindow window(Session session, Performance performance) {
        Instant from = performance.startsAt().minus(SalesService.VALID_BEFORE_START);
        Instant until = performance.startsAt().plus(Duration.ofMinutes(reference.durationMinutes(session, performance.eventId())))
                .plus(SalesService.VALID_AFTER_END);
        return new TokenWindow(from, until);
    }
}
