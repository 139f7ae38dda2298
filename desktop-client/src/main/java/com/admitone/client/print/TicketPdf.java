package com.admitone.client.print;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Tickets as PDF, one page per ticket, on 8 x 3.25 inch ticket stock (what counter ticket
 * printers take; it prints on A4 or Letter too, scaled). The left part says what the ticket is
 * for, the right part carries the QR code of the signed token, large enough to scan from a
 * crumpled print or a phone screen.
 */
public final class TicketPdf {
    /** 8 x 3.25 inches, landscape, in points. */
    public static final PDRectangle TICKET_STOCK = new PDRectangle(8 * 72f, 3.25f * 72f);

    private static final float MARGIN = 18;
    private static final float QR_SIZE = 196;
    private static final Color INK_SOFT = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color PROVISIONAL = new Color(0xC6, 0x28, 0x28);

    private final PdfFonts fonts;

    public TicketPdf() {
        this(PdfFonts.standard());
    }

    public TicketPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(List<TicketFace> tickets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384 * Math.max(1, tickets.size()));
        write(tickets, out);
        return out.toByteArray();
    }

    public void write(List<TicketFace> tickets, OutputStream out) throws IOException {
        if (tickets.isEmpty()) {
            throw new IllegalArgumentException("no tickets to print");
        }
        try (PDDocument document = new PDDocument()) {
            PdfFonts.Loaded loaded = fonts.load(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Tickets " + tickets.get(0).orderNumber());
            info.setCreator("AdmitOne");
            for (TicketFace ticket : tickets) {
                PDPage page = new PDPage(TICKET_STOCK);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    draw(new PageWriter(content), loaded, ticket);
                }
            }
            document.save(out);
        }
    }

    private static void draw(PageWriter page, PdfFonts.Loaded fonts, TicketFace t) throws IOException {
        float width = TICKET_STOCK.getWidth();
        float height = TICKET_STOCK.getHeight();
        float qrX = width - MARGIN - QR_SIZE + 8;   // the code's own quiet zone is part of the margin
        float qrY = (height - QR_SIZE) / 2;
        float textRight = qrX - 6;
        float textWidth = textRight - MARGIN;
        PDFont regular = fonts.regular();
        PDFont bold = fonts.bold();
        Locale locale = t.locale();

        page.strokeRect(RULE, 0.75f, 4, 4, width - 8, height - 8);
        page.dashedLine(0.5f, qrX - 2, 12, qrX - 2, height - 12);
        QrCode.draw(page, t.token(), qrX, qrY, QR_SIZE);

        float y = height - MARGIN - 12;
        page.setColour(INK_SOFT);
        page.text(regular, 9, MARGIN, y, t.venueName().toUpperCase(locale));
        page.setColour(Color.BLACK);

        // The title in 20 pt, down to 14 pt and two lines when it is long.
        float titleSize = 20;
        List<String> title = PageWriter.wrap(bold, titleSize, t.eventTitle(), textWidth);
        while (title.size() > 1 && titleSize > 14) {
            titleSize -= 2;
            title = PageWriter.wrap(bold, titleSize, t.eventTitle(), textWidth);
        }
        y -= titleSize + 8;
        for (String line : title.subList(0, Math.min(2, title.size()))) {
            page.text(bold, titleSize, MARGIN, y, line);
            y -= titleSize + 2;
        }

        ZonedDateTime local = t.startsAt().atZone(t.venueZone());
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
        y -= 8;
        page.text(regular, 12, MARGIN, y, date);
        page.text(bold, 12, MARGIN + PageWriter.width(regular, 12, date) + 10, y, time);

        // Where: captions over large values, like the signs in the house.
        float boxTop = y - 16;
        if (t.place() instanceof TicketFace.Seat seat) {
            String[][] fields = {{"SECTION", seat.section()}, {"ROW", seat.row()}, {"SEAT", seat.seat()}};
            // Values in 22 pt, smaller when a long section name would run into the QR code.
            float size = 22;
            float[] widths = new float[3];
            while (true) {
                float total = 0;
                for (int i = 0; i < 3; i++) {
                    widths[i] = Math.max(i == 0 ? 90 : 56, PageWriter.width(bold, size, fields[i][1]) + 16);
                    total += widths[i];
                }
                if (total <= textWidth || size <= 12) {
                    break;
                }
                size -= 2;
            }
            float x = MARGIN;
            for (int i = 0; i < fields.length; i++) {
                field(page, fonts, x, boxTop, fields[i][0], fields[i][1], size);
                x += widths[i];
            }
        } else if (t.place() instanceof TicketFace.Area area) {
            float size = 22;
            while (PageWriter.width(bold, size, area.name()) > textWidth && size > 12) {
                size -= 2;
            }
            field(page, fonts, MARGIN, boxTop, "GENERAL ADMISSION", area.name(), size);
        }

        float priceY = boxTop - 58;
        String price = new MoneyFormat(locale).format(t.price());
        page.text(regular, 12, MARGIN, priceY, t.priceTypeLabel());
        page.text(bold, 12, MARGIN + PageWriter.width(regular, 12, t.priceTypeLabel()) + 10, priceY, price);

        if (t.provisional()) {
            String stamp = "PROVISIONAL";
            float stampWidth = PageWriter.width(bold, 13, stamp) + 16;
            float stampX = textRight - stampWidth;
            page.strokeRect(PROVISIONAL, 1.5f, stampX, priceY - 7, stampWidth, 22);
            page.setColour(PROVISIONAL);
            page.text(bold, 13, stampX + 8, priceY, stamp);
            page.setColour(Color.BLACK);
        }

        page.setColour(INK_SOFT);
        page.text(regular, 8, MARGIN, MARGIN + 10, "Order " + t.orderNumber());
        page.text(regular, 6.5f, MARGIN, MARGIN, "Ticket " + t.ticketId());
        if (t.provisional()) {
            page.setColour(PROVISIONAL);
            page.textRight(regular, 6.5f, textRight, MARGIN, "Sold offline; confirmed when the box office syncs.");
        }
        page.setColour(Color.BLACK);
    }

    private static void field(PageWriter page, PdfFonts.Loaded fonts, float x, float top, String caption, String value,
                              float size) throws IOException {
        page.setColour(INK_SOFT);
        page.text(fonts.regular(), 7.5f, x, top - 8, caption);
        page.setColour(Color.BLACK);
        page.text(fonts.bold(), size, x, top - 32, value);
    }
}
