package com.admitone.client.sales;

import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a customer is buying at the counter, as plain values: one line per ticket with its price
 * type, the price the price list gives for it, an optional discount, an order discount, and the
 * payments taken. Prices include tax; {@link #taxIncluded} says how much of the total is tax. It
 * turns itself into the {@code SellSeats} command the server checks (prices must match the list,
 * payments must add up to the total, a discount needs a reason).
 */
public final class Basket {
    /** One ticket: a seat ({@code seatId}) or a general-admission place ({@code areaId}). */
    public static final class Line {
        private final UUID ticketId = UUID.randomUUID();
        private final Long seatId;
        private final Long areaId;
        private final String label;
        private final String zone;
        private PriceType priceType;
        private long priceMinor;
        private long discountMinor;
        private String discountReason;

        Line(Long seatId, Long areaId, String label, String zone, PriceType priceType, long priceMinor) {
            this.seatId = seatId;
            this.areaId = areaId;
            this.label = label;
            this.zone = zone;
            this.priceType = priceType;
            this.priceMinor = priceMinor;
        }

        public UUID ticketId() {
            return ticketId;
        }

        public Long seatId() {
            return seatId;
        }

        public Long areaId() {
            return areaId;
        }

        public String label() {
            return label;
        }

        public String zone() {
            return zone;
        }

        public PriceType priceType() {
            return priceType;
        }

        public long priceMinor() {
            return priceMinor;
        }

        public long discountMinor() {
            return discountMinor;
        }

        public String discountReason() {
            return discountReason;
        }

        public long totalMinor() {
            return priceMinor - discountMinor;
        }
    }

    /** A payment to take: for cash {@code tenderedMinor} is what the customer handed over. */
    public record Payment(PaymentMethod method, long amountMinor, Long tenderedMinor, String reference) {
        public long changeMinor() {
            return method == PaymentMethod.CASH && tenderedMinor != null ? Math.max(0, tenderedMinor - amountMinor) : 0;
        }
    }

    private final long performanceId;
    private final String currency;
    private final int taxRateBasisPoints;
    /** zone -> price type -> minor units, from the replica's price list. */
    private final Map<String, Map<PriceType, Long>> prices;
    private final List<Line> lines = new ArrayList<>();
    private long orderDiscountMinor;
    private String orderDiscountReason;

    public Basket(long performanceId, String currency, int taxRateBasisPoints, Map<String, Map<PriceType, Long>> prices) {
        this.performanceId = performanceId;
        this.currency = currency;
        this.taxRateBasisPoints = taxRateBasisPoints;
        this.prices = prices;
    }

    public long performanceId() {
        return performanceId;
    }

    public String currency() {
        return currency;
    }

    public int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }

    /** The price types the list offers in a zone, in the enum's order. */
    public List<PriceType> priceTypes(String zone) {
        Map<PriceType, Long> row = prices.getOrDefault(zone, Map.of());
        return java.util.Arrays.stream(PriceType.values()).filter(row::containsKey).toList();
    }

    public Long price(String zone, PriceType type) {
        return prices.getOrDefault(zone, Map.of()).get(type);
    }

    public Line addSeat(long seatId, String label, String zone) {
        return add(seatId, null, label, zone);
    }

    public Line addArea(long areaId, String label, String zone) {
        return add(null, areaId, label, zone);
    }

    private Line add(Long seatId, Long areaId, String label, String zone) {
        PriceType type = priceTypes(zone).isEmpty() ? PriceType.ADULT : priceTypes(zone).get(0);
        Long price = price(zone, type);
        Line line = new Line(seatId, areaId, label, zone, type, price == null ? 0 : price);
        lines.add(line);
        return line;
    }

    public boolean removeSeat(long seatId) {
        return lines.removeIf(l -> l.seatId != null && l.seatId == seatId);
    }

    /** Removes {@code count} places of an area (the last added first); answers how many went. */
    public int removeArea(long areaId, int count) {
        int removed = 0;
        for (int i = lines.size() - 1; i >= 0 && removed < count; i--) {
            if (lines.get(i).areaId != null && lines.get(i).areaId == areaId) {
                lines.remove(i);
                removed++;
            }
        }
        return removed;
    }

    public int areaCount(long areaId) {
        return (int) lines.stream().filter(l -> l.areaId != null && l.areaId == areaId).count();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public void setPriceType(Line line, PriceType type) {
        Long price = price(line.zone, type);
        if (price == null) {
            throw new IllegalArgumentException(type.label() + " is not on the price list for " + line.zone + ".");
        }
        line.priceType = type;
        line.priceMinor = price;
        line.discountMinor = Math.min(line.discountMinor, price);
    }

    public void setLineDiscount(Line line, long minor, String reason) {
        if (minor < 0 || minor > line.priceMinor) {
            throw new IllegalArgumentException("A discount must be between nothing and the ticket's price.");
        }
        line.discountMinor = minor;
        line.discountReason = minor == 0 ? null : blankToNull(reason);
    }

    public void setOrderDiscount(long minor, String reason) {
        if (minor < 0 || minor > linesTotal()) {
            throw new IllegalArgumentException("An order discount must be between nothing and the order's value.");
        }
        orderDiscountMinor = minor;
        orderDiscountReason = minor == 0 ? null : blankToNull(reason);
    }

    public long orderDiscountMinor() {
        return orderDiscountMinor;
    }

    public String orderDiscountReason() {
        return orderDiscountReason;
    }

    public long subtotalMinor() {
        return lines.stream().mapToLong(Line::priceMinor).sum();
    }

    public long discountsMinor() {
        return lines.stream().mapToLong(Line::discountMinor).sum() + orderDiscountMinor;
    }

    private long linesTotal() {
        return lines.stream().mapToLong(Line::totalMinor).sum();
    }

    public long totalMinor() {
        return linesTotal() - orderDiscountMinor;
    }

    /** The tax contained in the (tax-inclusive) total, rounded half up. */
    public long taxIncluded() {
        return BigDecimal.valueOf(totalMinor()).multiply(BigDecimal.valueOf(taxRateBasisPoints))
                .divide(BigDecimal.valueOf(10_000L + taxRateBasisPoints), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** What must be fixed before this basket can be paid, as a sentence; null when it is ready. */
    public String problem() {
        if (lines.isEmpty()) {
            return "Add seats or places first.";
        }
        for (Line line : lines) {
            if (line.discountMinor > 0 && line.discountReason == null) {
                return "Give a reason for the discount on " + line.label + ".";
            }
        }
        if (orderDiscountMinor > 0 && orderDiscountReason == null) {
            return "Give a reason for the order discount.";
        }
        return null;
    }

    /** The sale command for these lines and payments; the payments must add up to the total. */
    public Commands.SellSeats toCommand(UUID orderId, UUID holdId, List<Payment> payments, Commands.Customer customer) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        long paid = payments.stream().mapToLong(Payment::amountMinor).sum();
        if (paid != totalMinor()) {
            throw new IllegalArgumentException("The payments do not add up to the total.");
        }
        List<Commands.SaleLine> saleLines = lines.stream().map(l -> new Commands.SaleLine(l.ticketId, l.seatId, l.areaId,
                l.priceType, l.priceMinor, l.discountMinor, l.discountReason)).toList();
        List<Commands.PaymentLine> paymentLines = payments.stream().map(p -> new Commands.PaymentLine(UUID.randomUUID(),
                p.method(), p.amountMinor(), blankToNull(p.reference()),
                p.method() == PaymentMethod.CASH ? (p.tenderedMinor() == null ? p.amountMinor() : p.tenderedMinor()) : null)).toList();
        boolean hasSeats = lines.stream().anyMatch(l -> l.seatId != null);
        return new Commands.SellSeats(orderId, performanceId, hasSeats ? holdId : null, saleLines, paymentLines, customer,
                orderDiscountMinor, orderDiscountReason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
