package com.admitone.client.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    @Test
    void showsLinesDiscountsTotalsAndPayments() throws Exception {
        String text = TicketPdfTest.text(new ReceiptPdf().render(SampleOrders.familyReceipt(false)));

        assertThat(text).contains(
                "Riverside Theatre", "VAT no. GB 123 4567 89", "Order K7Q-3MX",
                "2 \u00d7 \u00a355.00 \u00a3110.00", "Booking fee \u00a32.00",
                "Subtotal \u00a3147.00", "Family discount 10% -\u00a314.70",
                "Total \u00a3132.30", "VAT 20% included \u00a322.05",
                "Cash \u00a3140.00", "Change due \u00a37.70",
                "Cashier: Alex Morgan", "Device: BOX-1");
        assertThat(text).doesNotContain("PROVISIONAL", "Balance due");
    }

    @Test
    void printsTheTimeInTheVenuesZone() throws Exception {
        // 14:05 UTC on 22 November is 14:05 in London (GMT); in summer it would be an hour later.
        String text = TicketPdfTest.text(new ReceiptPdf().render(SampleOrders.familyReceipt(false)));
        assertThat(text).contains("22 Nov 2024, 14:05");
    }

    @Test
    void marksAProvisionalSale() throws Exception {
        assertThat(TicketPdfTest.text(new ReceiptPdf().render(SampleOrders.familyReceipt(true)))).contains("PROVISIONAL");
    }

    @Test
    void isOneRollWidePageAsLongAsItsContent() throws Exception {
        try (PDDocument document = Loader.loadPDF(new ReceiptPdf().render(SampleOrders.familyReceipt(false)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(226.77f, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isBetween(250f, 500f);
        }
    }

    @Test
    void taxRateInTheLocale() {
        assertThat(ReceiptPdf.percent(2000, Locale.UK)).isEqualTo("20%");
        assertThat(ReceiptPdf.percent(550, Locale.UK)).isEqualTo("5.5%");
        assertThat(ReceiptPdf.percent(1900, Locale.GERMANY)).isEqualTo("19\u00a0%");
    }
}
