package com.admitone.client.print;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The fonts tickets and receipts are set in. The default, Helvetica, is built into every PDF
 * reader but covers Western European text only (WinAnsi); a venue that prints other scripts
 * configures TrueType fonts, which are embedded (subset) in each document.
 */
public final class PdfFonts {
    // Standard 14 fonts are not embedded, so one instance serves every document.
    private static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont HELVETICA_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final Path regularTtf;
    private final Path boldTtf;

    private PdfFonts(Path regularTtf, Path boldTtf) {
        this.regularTtf = regularTtf;
        this.boldTtf = boldTtf;
    }

    /** Helvetica and Helvetica Bold, not embedded. */
    public static PdfFonts standard() {
        return new PdfFonts(null, null);
    }

    /** TrueType fonts embedded in every document, e.g. DejaVu Sans for Cyrillic or Greek venue names. */
    public static PdfFonts embedded(Path regularTtf, Path boldTtf) {
        return new PdfFonts(Objects.requireNonNull(regularTtf, "regularTtf"), Objects.requireNonNull(boldTtf, "boldTtf"));
    }

    Loaded load(PDDocument document) throws IOException {
        if (regularTtf == null) {
            return new Loaded(HELVETICA, HELVETICA_BOLD);
        }
        return new Loaded(PDType0Font.load(document, regularTtf.toFile()), PDType0Font.load(document, boldTtf.toFile()));
    }

    /** The fonts of one document. */
    record Loaded(PDFont regular, PDFont bold) {
    }
}
