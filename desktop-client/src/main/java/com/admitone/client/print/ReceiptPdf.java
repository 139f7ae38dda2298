package com.admitone.client.print;

import com.admitone.model.order.PaymentMethod;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An order's receipt as a one-page PDF as wide as an 80 mm receipt roll and as long as it needs
 * to be: the lines, discounts, the total with the tax it includes, payments, change, who sold it
 * on which device and when (in the venue's time zone). Sums come from {@link ReceiptTotals}.
 */
public final class ReceiptPdf {
    /** An 80 mm roll, in points. */
    public static final float ROLL_WIDTH = 80 / 25.4f * 72;

    private static final float MARGIN = 10;
    private static final float BODY = 8;
    private static final float SMALL = 7;

    private final PdfFonts fonts;

    public ReceiptPdf() {
        this(PdfFonts.standard());
    }

    public ReceiptPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(Receipt receipt) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        write(receipt, out);
        return out.toByteArray();
    }

    public void write(Receipt receipt, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfFonts.Loaded loaded = fonts.load(document);
            document.getDocumentInformation().setTitle("Receipt " + receipt.orderNumber());
            document.getDocumentInformation().setCreator("AdmitOne");
            List<Row> rows = layout(receipt, loaded);
            float height = 2 * MARGIN;
            for (Row row : rows) {
                height += row.height();
            }
            PDPage page = new PDPage(new PDRectangle(ROLL_WIDTH, height));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                PageWriter writer = new PageWriter(content);
                float top = height - MARGIN;
                for (Row row : rows) {
                    row.draw(writer, top);
                    top -= row.height();
                }
            }
            document.save(out);
        }
    }

    private static List<Row> layout(Receipt r, PdfFonts.Loaded fonts) throws IOException {
        PDFont regular = fonts.regular();
        PDFont bold = fonts.bold();
        Locale locale = r.locale();
        MoneyFormat money = new MoneyFormat(locale);
        ReceiptTotals totals = ReceiptTotals.of(r);
        float width = ROLL_WIDTH - 2 * MARGIN;
        List<Row> rows = new ArrayList<>();

        for (String line : PageWriter.wrap(bold, 12, r.venueName(), width)) {
            rows.add(new Centred(bold, 12, line));
        }
        for (String detail : r.venueDetails()) {
            for (String line : PageWriter.wrap(regular, SMALL, detail, width)) {
                rows.add(new Centred(regular, SMALL, line));
            }
        }
        rows.add(new Space(6));
        rows.add(new Pair(bold, BODY, "Receipt", "Order " + r.orderNumber(), width));
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(r.time().atZone(r.zone()));
        rows.add(new Pair(regular, BODY, when, "", width));
        rows.add(new Rule());

        for (Receipt.Line line : r.lines()) {
            if (line.quantity() == 1) {
                addWrapped(rows, regular, BODY, line.description(), money.format(line.total()), width);
            } else {
                addWrapped(rows, regular, BODY, line.description(), "", width);
                rows.add(new Pair(regular, BODY, "   " + line.quantity() + " \u00d7 " + money.format(line.unitPrice()),
                        money.format(line.total()), width));
            }
        }
        rows.add(new Rule());
        if (!r.discounts().isEmpty()) {
            rows.add(new Pair(regular, BODY, "Subtotal", money.format(totals.subtotal()), width));
            for (Receipt.Discount discount : r.discounts()) {
                addWrapped(rows, regular, BODY, discount.description(), money.format(discount.amount().times(-1)), width);
            }
            rows.add(new Rule());
        }
        rows.add(new Pair(bold, 11, "Total", money.format(totals.total()), width));
        rows.add(new Pair(regular, SMALL, r.taxLabel() + " " + percent(r.taxRateBasisPoints(), locale) + " included",
                money.format(totals.taxIncluded()), width));
        rows.add(new Rule());

        for (Receipt.Payment payment : r.payments()) {
            String label = methodLabel(payment.method())
                    + (payment.reference() == null || payment.reference().isBlank() ? "" : " " + payment.reference());
            addWrapped(rows, regular, BODY, label, money.format(payment.amount()), width);
        }
        if (r.payments().isEmpty()) {
            rows.add(new Pair(regular, BODY, "Not paid yet", "", width));
        }
        if (!totals.changeDue().isZero()) {
            rows.add(new Pair(bold, BODY, "Change due", money.format(totals.changeDue()), width));
        }
        if (!totals.balanceDue().isZero()) {
            rows.add(new Pair(bold, BODY, "Balance due", money.format(totals.balanceDue()), width));
        }
        rows.add(new Rule());
        rows.add(new Pair(regular, SMALL, "Cashier: " + r.cashier(), "Device: " + r.device(), width));
        if (r.provisional()) {
            rows.add(new Space(4));
            rows.add(new Centred(bold, 10, "PROVISIONAL"));
            rows.add(new Centred(regular, SMALL, "Sold offline; confirmed when the box office syncs."));
        }
        rows.add(new Space(6));
        rows.add(new Centred(regular, SMALL, "Please keep this receipt for refunds and exchanges."));
        return rows;
    }

    /** The left text wrapped to leave room for the right text on its first line. */
    private static void addWrapped(List<Row> rows, PDFont font, float size, String left, String right, float width)
            throws IOException {
        float room = width - (right.isEmpty() ? 0 : PageWriter.width(font, size, right) + 8);
        List<String> lines = PageWriter.wrap(font, size, left, room);
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Pair(font, size, lines.get(i), i == 0 ? right : "", width));
        }
    }

    static String percent(int basisPoints, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(basisPoints, 4));
    }

    static String methodLabel(PaymentMethod method) {
        return switch (method) {
            case CASH -> "Cash";
            case CARD -> "Card";
            case INVOICE -> "Invoice";
            case ON_ACCOUNT -> "On account";
            case VOUCHER -> "Voucher";
            case EXCHANGE -> "Exchanged tickets";
        };
    }

    private sealed interface Row permits Centred, Pair, Rule, Space {
        float height();

        void draw(PageWriter page, float top) throws IOException;
    }

    private record Centred(PDFont font, float size, String text) implements Row {
        public float height() {
            return size * 1.35f;
        }

        public void draw(PageWriter page, float top) throws IOException {
            page.textCentred(font, size, ROLL_WIDTH / 2, top - size, text);
        }
    }

    private record Pair(PDFont font, float size, String left, String right, float width) implements Row {
        public float height() {
            return size * 1.4f;
        }

        public void draw(PageWriter page, float top) throws IOException {
            page.text(font, size, MARGIN, top - size, left);
            if (!right.isEmpty()) {
                page.textRight(font, size, MARGIN + width, top - size, right);
            }
        }
    }

    private record Rule() implements Row {
        public float height() {
            return 8;
        }

        public void draw(PageWriter page, float top) throws IOException {
            page.dashedLine(0.5f, MARGIN, top - 4, ROLL_WIDTH - MARGIN, top - 4);
        }
    }

    private record Space(float height) implements Row {
        public void draw(PageWriter page, float top) {
        }
    }
}
