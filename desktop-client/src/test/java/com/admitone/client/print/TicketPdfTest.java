package com.admitone.client.print;

import com.admitone.model.ticket.SignedToken;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketTokenCodec;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TicketPdfTest {
    private final SigningKey key = SigningKey.generate();
    private final String token = SampleOrders.token(key, SampleOrders.TICKET_ID, 1234L, null);

    @Test
    void qrCodeReadsBackAsTheToken() throws Exception {
        byte[] pdf = new TicketPdf().render(List.of(SampleOrders.seated(token, false)));

        assertThat(decodeQr(pdf, 0, 150)).isEqualTo(token);
    }

    @Test
    void tokenStillVerifiesAfterTheRoundTripThroughThePdf() throws Exception {
        byte[] pdf = new TicketPdf().render(List.of(SampleOrders.seated(token, false)));

        SignedToken scanned = TicketTokenCodec.decode(decodeQr(pdf, 0, 150));

        assertThat(TicketTokenCodec.verify(scanned, id -> id.equals(key.keyId()) ? key.verifyingKey() : null)).isTrue();
        assertThat(scanned.token().ticketId()).isEqualTo(SampleOrders.TICKET_ID);
        assertThat(scanned.token().seatId()).isEqualTo(1234L);
        assertThat(TicketTokenCodec.verify(scanned, id -> SigningKey.generate().verifyingKey())).isFalse();
    }

    @Test
    void qrCodeReadsEvenFromACoarseRendering() throws Exception {
        // 72 dpi: about three pixels a module, a poor scan of a worn ticket.
        byte[] pdf = new TicketPdf().render(List.of(SampleOrders.seated(token, false)));
        assertThat(decodeQr(pdf, 0, 72)).isEqualTo(token);
    }

    @Test
    void saysWhatTheTicketIsFor() throws Exception {
        String text = text(new TicketPdf().render(List.of(SampleOrders.seated(token, false))));

        assertThat(text).contains("RIVERSIDE THEATRE", "The Tempest", "14 December 2024", "19:30",
                "SECTION", "Stalls", "ROW", "SEAT", "12", "Child", "\u00a326.00", "Order K7Q-3MX",
                "Ticket 3f2a9c1e-7b4d-4e0a-9a61-0c5d2e8b7f11");
        assertThat(text).doesNotContain("PROVISIONAL");
    }

    @Test
    void printsTheTimeInTheVenuesZone() throws Exception {
        var face = SampleOrders.seated(token, false);
        var newYork = new TicketFace(face.venueName(), face.eventTitle(), face.startsAt(), ZoneId.of("America/New_York"),
                face.place(), face.priceTypeLabel(), face.price(), face.orderNumber(), face.ticketId(), face.token(), false,
                face.locale());

        assertThat(text(new TicketPdf().render(List.of(newYork)))).contains("14:30").doesNotContain("19:30");
    }

    @Test
    void marksAProvisionalTicket() throws Exception {
        String text = text(new TicketPdf().render(List.of(SampleOrders.seated(token, true))));

        assertThat(text).contains("PROVISIONAL", "confirmed when the box office syncs");
    }

    @Test
    void generalAdmissionNamesTheArea() throws Exception {
        String gaToken = SampleOrders.token(key, SampleOrders.TICKET_ID, null, 77L);
        byte[] pdf = new TicketPdf().render(List.of(SampleOrders.gallery(gaToken)));

        assertThat(text(pdf)).contains("GENERAL ADMISSION", "Ocean Gallery").doesNotContain("SECTION");
        assertThat(decodeQr(pdf, 0, 150)).isEqualTo(gaToken);
    }

    @Test
    void onePagePerTicketEachWithItsOwnCode() throws Exception {
        String second = SampleOrders.token(key, java.util.UUID.randomUUID(), 1235L, null);
        byte[] pdf = new TicketPdf().render(List.of(SampleOrders.seated(token, false), SampleOrders.seated(second, false)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(576f);
        }
        assertThat(decodeQr(pdf, 1, 150)).isEqualTo(second);
    }

    @Test
    void textTheFontCannotShowIsReplacedNotFatal() throws Exception {
        var face = SampleOrders.seated(token, false);
        var cyrillic = new TicketFace("\u0422\u0435\u0430\u0442\u0440", face.eventTitle(), face.startsAt(), face.venueZone(),
                face.place(), face.priceTypeLabel(), face.price(), face.orderNumber(), face.ticketId(), face.token(), false,
                face.locale());

        assertThat(text(new TicketPdf().render(List.of(cyrillic)))).contains("?????");
    }

    @Test
    void embeddedFontsPrintOtherScripts() throws Exception {
        Path regular = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Path bold = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
        assumeTrue(Files.exists(regular) && Files.exists(bold), "DejaVu fonts not installed");
        var face = SampleOrders.seated(token, false);
        var cyrillic = new TicketFace("\u0422\u0435\u0430\u0442\u0440", face.eventTitle(), face.startsAt(), face.venueZone(),
                face.place(), face.priceTypeLabel(), face.price(), face.orderNumber(), face.ticketId(), face.token(), false,
                face.locale());

        byte[] pdf = new TicketPdf(PdfFonts.embedded(regular, bold)).render(List.of(cyrillic));

        assertThat(text(pdf)).contains("\u0422\u0415\u0410\u0422\u0420");
        assertThat(decodeQr(pdf, 0, 150)).isEqualTo(token);
    }

    @Test
    void refusesAnEmptyPrint() {
        assertThatThrownBy(() -> new TicketPdf().render(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static String decodeQr(byte[] pdf, int page, float dpi)
            throws IOException, NotFoundException, ChecksumException, FormatException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.GRAY);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new QRCodeReader().decode(bitmap).getText();
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
