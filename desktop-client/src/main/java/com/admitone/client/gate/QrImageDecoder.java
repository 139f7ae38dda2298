package com.admitone.client.gate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads a ticket's QR code in a photo or scan: TRY_HARDER on, PURE_BARCODE off (a photo
 * has a background), and a second try on the inverted image for light-on-dark prints and
 * screens, and global-threshold tries for faded prints. Thread-safe; slow (tens of milliseconds), so never on the JavaFX thread.
 */
public final class QrImageDecoder {
    private static final Map<DecodeHintType, Object> HINTS = hints();

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }

    /** The text of the QR code in the image file, or empty when none can be read (or the file is no image). */
    public Optional<String> decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return image == null ? Optional.empty() : decode(image);
    }

    public Optional<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        Optional<String> text = read(new HybridBinarizer(source));
        if (text.isEmpty()) {
            text = read(new HybridBinarizer(source.invert()));
        }
        if (text.isEmpty()) {
            // Faded prints and evenly lit screens: one global threshold sometimes finds what local ones miss.
            text = read(new GlobalHistogramBinarizer(source));
        }
        if (text.isEmpty()) {
            text = read(new GlobalHistogramBinarizer(source.invert()));
        }
        return text;
    }

    private static Optional<String> read(Binarizer binarizer) {
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(binarizer), HINTS);
            return Optional.of(result.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
