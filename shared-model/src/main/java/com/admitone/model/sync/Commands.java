package com.admitone.model.sync;

import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.programme.PerformanceStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * The commands of the sync protocol. Ids of things a command creates (holds, orders, tickets,
 * payments) are chosen by the device, so a device working offline knows them at once and a
 * repeated command names the same things.
 */
public final class Commands {
    private Commands() {
    }

    /** A quantity of general-admission places in one area. */
    public record AreaQuantity(long areaId, int quantity) {
    }

    /** Puts seats and general-admission places on hold for this device until the hold expires. */
    public record HoldSeats(UUID holdId, Long performanceId, List<Long> seatIds, List<AreaQuantity> areas,
                            Integer seconds) implements Command {
        public HoldSeats {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    /**
     * Gives held seats back to general sale before the hold expires: the given seats, or the whole
     * hold when {@code seatIds} is empty.
     */
    public record ReleaseHold(UUID holdId, List<Long> seatIds) implements Command {
        public ReleaseHold {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
        }
    }

    /** One ticket of a sale: a seat or a general-admission place, its price type and the price charged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SaleLine(UUID ticketId, Long seatId, Long areaId, PriceType priceType, long priceMinor,
                           long discountMinor, String discountReason) {
    }

    /** A payment (or, in a refund, a pay-out). {@code tenderedMinor} is the cash handed over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentLine(UUID paymentId, PaymentMethod method, long amountMinor, String reference,
                              Long tenderedMinor) {
    }

    /** The customer an order is for; all optional, a guest sale has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String name, String email, String phone) {
    }

    /**
     * Sells tickets and records their payment in one step. With a {@code holdId} the seats must be in
     * that live hold of this device; without one they must be free.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SellSeats(UUID orderId, Long performanceId, UUID holdId, List<SaleLine> lines,
                            List<PaymentLine> payments, Customer customer, long orderDiscountMinor,
                            String orderDiscountReason) implements Command {
        public SellSeats {
            lines = lines == null ? List.of() : List.copyOf(lines);
            payments = payments == null ? List.of() : List.copyOf(payments);
        }
    }

    /**
     * Refunds some or all tickets of an order (an empty {@code ticketIds} means all that are still
     * valid), revokes them and frees their seats. {@code payouts} say how the money went back.
     */
    public record RefundTickets(UUID refundId, UUID orderId, List<UUID> ticketIds, String reason,
                                List<PaymentLine> payouts) implements Command {
        public RefundTickets {
            ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }
    }

    /**
     * Exchanges tickets of an order for other seats, of the same or another performance, in one step:
     * the old tickets are revoked (EXCHANGED) and their seats freed, the new seats sold (from the live
     * hold {@code holdId} of this device, or free) as the new order {@code newOrderId} with freshly signed
     * tickets, and the difference settled. What the old tickets were worth (see
     * {@link com.admitone.model.order.ExchangeCredit}) is credited to the new order; when the new tickets
     * cost more, {@code payments} collect the difference; when they cost less, {@code payouts} pay it back
     * (none given: the order's first payment method). A pay-out above the venue's approval limit needs a
     * manager's approval recorded for {@code exchangeId} first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExchangeTickets(UUID exchangeId, UUID orderId, List<UUID> ticketIds, UUID newOrderId, Long performanceId,
                                  UUID holdId, List<SaleLine> lines, List<PaymentLine> payments, List<PaymentLine> payouts,
                                  String reason) implements Command {
        public ExchangeTickets {
            ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
            lines = lines == null ? List.of() : List.copyOf(lines);
            payments = payments == null ? List.of() : List.copyOf(payments);
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }
    }

    /** Takes seats off sale (kills, house seats). Managers and admins only. */
    public record BlockSeats(Long performanceId, List<Long> seatIds, String reason) implements Command {
        public BlockSeats {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
        }
    }

    /** Returns blocked seats to sale. Managers and admins only. */
    public record UnblockSeats(Long performanceId, List<Long> seatIds, String reason) implements Command {
        public UnblockSeats {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
        }
    }

    /**
     * Moves a performance to another status (on sale, sales closed, cancelled). Managers and admins
     * only; cancelling does not refund by itself.
     */
    public record ChangePerformanceStatus(Long performanceId, PerformanceStatus status, String reason) implements Command {
    }

    /**
     * One scan at a gate, admitted or not. Scans are facts: the server stores every one, even when
     * another gate admitted the same ticket first. {@code ticketId} and {@code performanceId} are
     * absent when the code was unreadable; {@code verdict} is a {@code com.admitone.model.gate.Verdict}
     * name, {@code mode} ENTRY or EXIT.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScanRecord(UUID scanId, UUID ticketId, Long performanceId, String gate, java.time.Instant deviceTime,
                             String verdict, String mode) {
    }

    /** Stores scans a gate made (offline or online) and tells every other gate about them through the feed. */
    public record RecordScans(List<ScanRecord> scans) implements Command {
        public RecordScans {
            scans = scans == null ? List.of() : List.copyOf(scans);
        }
    }

    // ---- Offline selling (see docs/offline.md) ----

    /**
     * Leases seats and general-admission places of one performance to one device until {@code until}:
     * the server moves them from FREE to ALLOTTED and sells them to no one else while the lease runs.
     * A manager or admin may allot to any device; a box-office device may allot to itself while online.
     */
    public record AllotSeats(UUID allotmentId, Long performanceId, String deviceId, List<Long> seatIds,
                             List<AreaQuantity> areas, java.time.Instant until) implements Command {
        public AllotSeats {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    /**
     * Asks for an allotment of {@code seatsPerPerformance} seats (best available, together where possible)
     * and {@code placesPerArea} general-admission places in each area, in every on-sale performance that
     * starts within {@code days} days; each lease runs until its performance starts. The server names each
     * allotment {@code UUID.nameUUIDFromBytes(requestId + ":" + performanceId)} so a repeat changes nothing.
     */
    public record RequestStandingAllotment(UUID requestId, String deviceId, int seatsPerPerformance,
                                           int placesPerArea, int days) implements Command {
    }

    /**
     * Returns unsold seats of an allotment to general sale: the given seats, or everything unsold when
     * {@code seatIds} and {@code areas} are both empty.
     */
    public record ReleaseAllotment(UUID allotmentId, List<Long> seatIds, List<AreaQuantity> areas) implements Command {
        public ReleaseAllotment {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    /**
     * A sale a device made without the server. With an {@code allotmentId} the seats come from that
     * allotment of this device and the sale is guaranteed; without one it is provisional and the
     * performance's {@link com.admitone.model.offline.ProvisionalPolicy} decides: accept, move, or
     * conflict. The tickets were signed by the device's certified key ({@code token} on each line), so
     * they scan at the gate before the server has seen them. {@code soldAt} is the device's clock at the
     * sale. Applying it never sells a seat twice: what cannot be placed becomes a conflict.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SellOffline(UUID orderId, Long performanceId, UUID allotmentId, List<OfflineLine> lines,
                              List<PaymentLine> payments, Customer customer, long orderDiscountMinor,
                              String orderDiscountReason, java.time.Instant soldAt) implements Command {
        public SellOffline {
            lines = lines == null ? List.of() : List.copyOf(lines);
            payments = payments == null ? List.of() : List.copyOf(payments);
        }
    }

    /** A ticket sold offline: the sale line and the device-signed token printed on it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfflineLine(SaleLine line, String token) {
    }

    /**
     * Settles a conflict raised by a provisional sale: other seats (which must be free now), a refund
     * with its pay-outs, or marked resolved with a note.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResolveConflict(UUID conflictId, com.admitone.model.offline.ConflictResolution resolution,
                                  List<Long> seatIds, List<PaymentLine> payouts, String note) implements Command {
        public ResolveConflict {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }
    }

    /**
     * Sets what the server does with provisional offline sales of a performance (see
     * {@link com.admitone.model.offline.ProvisionalPolicy}). Managers and admins only; applies to
     * sales that arrive from then on.
     */
    public record SetProvisionalPolicy(Long performanceId, com.admitone.model.offline.ProvisionalPolicy policy,
                                       String reason) implements Command {
    }
}
