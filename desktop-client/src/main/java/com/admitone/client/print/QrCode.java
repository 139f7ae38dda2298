package com.admitone.client.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.QRCode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The QR code of a ticket token, drawn as vector squares so it is sharp on any printer.
 * Error correction Q (about 25 % of the code may be lost): thermal tickets get folded, scuffed
 * and scanned from phone screens with cracks.
 *
 * <p>Every code is read back before it is printed. ZXing's detector misses about 2 % of these
 * codes (version 10, Q) even when they are drawn perfectly, depending on the data, the mask and
 * the module size. The gate scans with ZXing, so when the encoder's choice of mask does not read
 * back from clean pictures at 3, 4, 5 and 7 pixels a module, the first of the eight masks that
 * does is used instead (any mask is valid QR; a scanner reads the mask from the code). That cuts
 * the misses on rendered tickets to about one in two hundred pictures, and those read at the
 * next resolution, as a camera's next frame would.
 */
final class QrCode {
    /** Quiet zone around the code, in modules, as the QR standard asks. */
    static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    static BitMatrix matrix(String text) {
        BitMatrix chosen = encode(text, -1);
        if (readsBack(chosen, text)) {
            return chosen;
        }
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            BitMatrix other = encode(text, mask);
            if (readsBack(other, text)) {
                return other;
            }
        }
        return chosen;
    }

    /** The code with the encoder's mask ({@code mask} -1) or the given one. */
    static BitMatrix encode(String text, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        hints.put(EncodeHintType.CHARACTER_SET, "ISO-8859-1");
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of this text (" + text.length() + " chars)", e);
        }
    }

    /** Whether ZXing reads the code back from clean pictures of it at several sizes. */
    static boolean readsBack(BitMatrix code, String text) {
        for (int scale : CHECK_SCALES) {
            if (!readsBack(code, text, scale)) {
                return false;
            }
        }
        return true;
    }

    /** Pixels a module in the read-back pictures: a coarse scan, a phone, a sharp print. */
    private static final int[] CHECK_SCALES = {3, 4, 5, 7};

    private static boolean readsBack(BitMatrix code, String text, int scale) {
        BitMatrix picture = new BitMatrix(code.getWidth() * scale, code.getHeight() * scale);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                if (code.get(x, y)) {
                    picture.setRegion(x * scale, y * scale, scale, scale);
                }
            }
        }
        BufferedImage image = MatrixToImageWriter.toBufferedImage(picture);
        try {
            Result result = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
            return text.equals(result.getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return false;
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
