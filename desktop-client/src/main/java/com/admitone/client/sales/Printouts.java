package com.admitone.client.sales;

import com.admitone.client.print.Receipt;
import com.admitone.client.print.ReceiptPdf;
import com.admitone.client.print.TicketFace;
import com.admitone.client.print.TicketPdf;
import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Turns an order from the replica into ticket and receipt PDFs (com.admitone.client.print does the drawing). */
public final class Printouts {
    private final Locale locale;

    public Printouts(Locale locale) {
        this.locale = locale;
    }

    /** One page per valid ticket that carries its signed token; provisional tickets have none yet. */
    public List<TicketFace> ticketFaces(Counter.OrderDetail order) {
        List<TicketFace> faces = new ArrayList<>();
        for (Counter.TicketRow t : order.tickets()) {
            if (!t.valid() || t.token() == null) {
                continue;
            }
            TicketFace.Place place = t.seatId() != null
                    ? new TicketFace.Seat(t.section(), t.row(), t.seatNumber())
                    : new TicketFace.Area(t.areaName() == null ? "General admission" : t.areaName());
            faces.add(new TicketFace(order.venueName(), order.title(), order.startsAt(), order.zone(), place,
                    label(t.priceType()), Money.of(t.priceMinor() - t.discountMinor(), order.currency()),
                    order.number() == null ? "PROVISIONAL" : order.number(), UUID.fromString(t.id()), t.token(),
                    order.provisional(), locale));
        }
        return faces;
    }

    public byte[] ticketsPdf(Counter.OrderDetail order) {
        List<TicketFace> faces = ticketFaces(order);
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("There are no confirmed tickets to print for this order yet.");
        }
        try {
            return new TicketPdf().render(faces);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Receipt receipt(Counter.OrderDetail order, String cashier, String device) {
        List<Receipt.Line> lines = new ArrayList<>();
        long lineDiscounts = 0;
        for (Counter.TicketRow t : order.tickets()) {
            String where = t.seatLabel() != null ? t.seatLabel() : (t.areaName() == null ? "" : t.areaName());
            lines.add(new Receipt.Line(label(t.priceType()) + ", " + order.title() + ", " + where, 1,
                    Money.of(t.priceMinor(), order.currency())));
            lineDiscounts += t.discountMinor();
        }
        List<Receipt.Discount> discounts = new ArrayList<>();
        if (lineDiscounts > 0) {
            discounts.add(new Receipt.Discount("Ticket discounts", Money.of(lineDiscounts, order.currency())));
        }
        if (order.discountMinor() > 0) {
            discounts.add(new Receipt.Discount("Order discount", Money.of(order.discountMinor(), order.currency())));
        }
        List<Receipt.Payment> payments = new ArrayList<>();
        for (Counter.PaymentRow p : order.payments()) {
            if (!"PAYMENT".equals(p.kind())) {
                continue;
            }
            long amount = p.tenderedMinor() != null && "CASH".equals(p.method()) ? p.tenderedMinor() : p.amountMinor();
            payments.add(new Receipt.Payment(PaymentMethod.valueOf(p.method()), Money.of(amount, order.currency()), null));
        }
        return new Receipt(order.venueName(), List.of(), order.number() == null ? "PROVISIONAL" : order.number(), lines,
                discounts, order.taxRateBasisPoints(), "VAT", payments, cashier, device,
                order.created() == null ? java.time.Instant.now() : order.created(), order.zone(), order.currency(),
                order.provisional(), locale);
    }

    public byte[] receiptPdf(Counter.OrderDetail order, String cashier, String device) {
        try {
            return new ReceiptPdf().render(receipt(order, cashier, device));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a PDF into {@code folder} and answers its path. */
    public static Path save(byte[] pdf, Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + name + ": " + e.getMessage(), e);
        }
    }

    private static String label(String priceType) {
        try {
            return PriceType.valueOf(priceType).label();
        } catch (RuntimeException e) {
            return priceType == null ? "" : priceType;
        }
    }
}
