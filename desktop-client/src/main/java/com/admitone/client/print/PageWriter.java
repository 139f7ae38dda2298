package com.admitone.client.print;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text and shapes on one PDF page, in points from the page's bottom-left corner. Text the font
 * cannot show is made printable rather than failing the print: narrow and thin spaces (which
 * some locales put in amounts) become spaces, anything else unknown a question mark.
 */
final class PageWriter {
    private final PDPageContentStream out;

    PageWriter(PDPageContentStream out) {
        this.out = out;
    }

    void text(PDFont font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(printable(font, text));
        out.endText();
    }

    void textRight(PDFont font, float size, float rightX, float y, String text) throws IOException {
        text(font, size, rightX - width(font, size, text), y, text);
    }

    void textCentred(PDFont font, float size, float centreX, float y, String text) throws IOException {
        text(font, size, centreX - width(font, size, text) / 2, y, text);
    }

    void fillRect(Color colour, float x, float y, float width, float height) throws IOException {
        out.setNonStrokingColor(colour);
        out.addRect(x, y, width, height);
        out.fill();
        out.setNonStrokingColor(Color.BLACK);
    }

    void strokeRect(Color colour, float lineWidth, float x, float y, float width, float height) throws IOException {
        out.setStrokingColor(colour);
        out.setLineWidth(lineWidth);
        out.addRect(x, y, width, height);
        out.stroke();
        out.setStrokingColor(Color.BLACK);
    }

    void line(float lineWidth, float x0, float y0, float x1, float y1) throws IOException {
        out.setLineWidth(lineWidth);
        out.moveTo(x0, y0);
        out.lineTo(x1, y1);
        out.stroke();
    }

    void dashedLine(float lineWidth, float x0, float y0, float x1, float y1) throws IOException {
        out.setLineDashPattern(new float[] {2, 2}, 0);
        line(lineWidth, x0, y0, x1, y1);
        out.setLineDashPattern(new float[0], 0);
    }

    void setColour(Color colour) throws IOException {
        out.setNonStrokingColor(colour);
    }

    PDPageContentStream stream() {
        return out;
    }

    static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000f * size;
    }

    /** Splits text into lines no wider than {@code maxWidth}, at spaces where it can. */
    static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A single word wider than the line is cut where it must be.
            String rest = word;
            while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with every character the font cannot encode replaced. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = switch (cp) {
                case 0x202F, 0x2009, 0x2007, 0x00A0 -> " ";
                case 0x2212 -> "-";
                default -> new String(Character.toChars(cp));
            };
            out.append(canEncode(font, ch) ? ch : "?");
        });
        return out.toString();
    }

    private static boolean canEncode(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
