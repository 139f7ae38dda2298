package com.admitone.client.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.IOException;
import java.util.Map;

/**
 * The QR code of a ticket token, drawn as vector squares so it is sharp on any printer.
 * Error correction Q (about 25 % of the code may be lost): thermal tickets get folded, scuffed
 * and scanned from phone screens with cracks.
 */
final class QrCode {
    /** Quiet zone around the code, in modules, as the QR standard asks. */
    static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of this text (" + text.length() + " chars)", e);
        }
    }

    /**
     * Draws the code (with its quiet zone) into the square at (x, y) of side {@code size} points:
     * each row's dark runs as one rectangle, all filled at once.
     */
    static void draw(PageWriter page, String text, float x, float y, float size) throws IOException {
        BitMatrix m = matrix(text);
        float module = size / m.getWidth();
        var out = page.stream();
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // PDF y grows upwards; matrix rows grow downwards.
                out.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        out.fill();
    }
}
