package com.admitone.client.print;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends rendered PDFs to a printer through JavaFX printing, or saves them. Rendering pages to
 * images is slow (tens of milliseconds a page) and runs on the background executor; only the
 * print job itself runs on the FX thread, which JavaFX printing requires.
 *
 * <p>What it does not do: choose paper. Each page image is scaled to the printable area of the
 * printer's default paper, turned to landscape when the page is wider than tall. A ticket
 * printer set up for its ticket stock prints tickets full size; an office printer prints them
 * smaller on A4. When there is no printer, {@link #savePdf} is the way out.
 */
public final class PdfPrinter {
    /** Resolution pages are rendered at: enough for a thermal printer's 203 or 300 dpi. */
    public static final float DPI = 300;

    private final Executor background;

    /** @param background where pages are rendered: the client's one background executor */
    public PdfPrinter(Executor background) {
        this.background = background;
    }

    /** The system's default printer, if it has one. */
    public static Optional<Printer> defaultPrinter() {
        return Optional.ofNullable(Printer.getDefaultPrinter());
    }

    /**
     * Renders the PDF off the FX thread, then prints every page on {@code printer} on the FX
     * thread. The future answers whether the job completed, or fails with the reason.
     */
    public CompletableFuture<Boolean> print(byte[] pdf, Printer printer) {
        if (printer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No printer is set up on this computer."));
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return renderPages(pdf, DPI);
            } catch (IOException e) {
                throw new IllegalStateException("The document could not be rendered for printing.", e);
            }
        }, background).whenComplete((pages, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            Platform.runLater(() -> {
                try {
                    done.complete(printPages(pages, printer));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        });
        return done;
    }

    /** Renders each page to an image at {@code dpi}. Any thread; slow, so never the FX thread. */
    public static List<Image> renderPages(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Image> pages = new ArrayList<>(document.getNumberOfPages());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                pages.add(SwingFXUtils.toFXImage(image, null));
            }
            return pages;
        }
    }

    /**
     * Prints page images as one job. FX thread only. Answers false when the printer refused the
     * job or a page.
     */
    public static boolean printPages(List<Image> pages, Printer printer) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("JavaFX print jobs run on the FX thread");
        }
        PrinterJob job = PrinterJob.createPrinterJob(printer);
        if (job == null) {
            return false;
        }
        boolean ok = true;
        for (Image page : pages) {
            boolean landscape = page.getWidth() > page.getHeight();
            PageLayout layout = printer.createPageLayout(printer.getPrinterAttributes().getDefaultPaper(),
                    landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
            ImageView view = new ImageView(page);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            ok &= job.printPage(layout, view);
            if (!ok) {
                break;
            }
        }
        return ok ? job.endJob() : cancel(job);
    }

    private static boolean cancel(PrinterJob job) {
        job.cancelJob();
        return false;
    }

    /** Writes the PDF to {@code target}, replacing it in one step so a half-written file is never seen. */
    public static void savePdf(byte[] pdf, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".admitone-", ".pdf.part");
        try {
            Files.write(temp, pdf);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
