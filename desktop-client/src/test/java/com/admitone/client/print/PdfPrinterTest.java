package com.admitone.client.print;

import com.admitone.model.ticket.SigningKey;
import javafx.print.Printer;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PdfPrinterTest {
    private static byte[] pdf;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        SigningKey key = SigningKey.generate();
        pdf = new TicketPdf().render(List.of(
                SampleOrders.seated(SampleOrders.token(key, SampleOrders.TICKET_ID, 1L, null), false),
                SampleOrders.seated(SampleOrders.token(key, SampleOrders.TICKET_ID, 2L, null), true)));
    }

    @Test
    void rendersEveryPageAtTheAskedResolution() throws Exception {
        List<Image> pages = PdfPrinter.renderPages(pdf, 100);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).getWidth()).isCloseTo(800, within(1.0));    // 8 in at 100 dpi
        assertThat(pages.get(0).getHeight()).isCloseTo(325, within(1.0));
    }

    @Test
    void printJobsOnlyOnTheFxThread() throws Exception {
        List<Image> pages = PdfPrinter.renderPages(pdf, 50);
        assertThatThrownBy(() -> PdfPrinter.printPages(pages, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FX thread");
    }

    @Test
    void noPrinterFailsWithAPlainReason() {
        var result = new PdfPrinter(Runnable::run).print(pdf, null);

        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("No printer");
    }

    @Test
    void printsToTheDefaultPrinterWhenThereIsOne() throws Exception {
        Printer printer = PdfPrinter.defaultPrinter().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(printer != null, "no printer on this machine");
        // Only reached on a machine with a printer: the job must at least be accepted.
        assertThat(new PdfPrinter(Runnable::run).print(pdf, printer).get(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void savesThePdfWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("orders").resolve("K7Q-3MX.pdf");

        PdfPrinter.savePdf(pdf, target);
        PdfPrinter.savePdf(pdf, target);   // replacing an earlier save

        assertThat(Files.readAllBytes(target)).isEqualTo(pdf);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }
}
