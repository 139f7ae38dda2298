package com.admitone.client.print;

import com.admitone.model.ticket.SigningKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes sample tickets and a receipt to a folder, for looking at: {@code java ... PrintSamples /tmp/print}. */
public final class PrintSamples {
    private PrintSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/print-samples");
        Files.createDirectories(dir);
        SigningKey key = SigningKey.generate();
        String seatToken = SampleOrders.token(key, SampleOrders.TICKET_ID, 1234L, null);
        Files.write(dir.resolve("ticket.pdf"), new TicketPdf().render(List.of(SampleOrders.seated(seatToken, false))));
        Files.write(dir.resolve("ticket-provisional.pdf"),
                new TicketPdf().render(List.of(SampleOrders.seated(seatToken, true))));
        Files.write(dir.resolve("ticket-gallery.pdf"),
                new TicketPdf().render(List.of(SampleOrders.gallery(SampleOrders.token(key, SampleOrders.TICKET_ID, null, 7L)))));
        TicketFace plain = SampleOrders.seated(seatToken, false);
        TicketFace long_ = new TicketFace(plain.venueName(), "A Midsummer Night's Dream: the family matinee with live orchestra",
                plain.startsAt(), plain.venueZone(), new TicketFace.Seat("Grand Circle Left", "AA", "104"), "Concession",
                plain.price(), plain.orderNumber(), plain.ticketId(), plain.token(), true, java.util.Locale.US);
        Files.write(dir.resolve("ticket-long.pdf"), new TicketPdf().render(List.of(long_)));
        Files.write(dir.resolve("receipt.pdf"), new ReceiptPdf().render(SampleOrders.familyReceipt(false)));
        Files.write(dir.resolve("receipt-provisional.pdf"), new ReceiptPdf().render(SampleOrders.familyReceipt(true)));
        System.out.println("written to " + dir.toAbsolutePath());
    }
}
