package com.admitone.client.gate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads a ticket's QR code in a photo or scan: TRY_HARDER on, PURE_BARCODE off (a photo
 * has a background), straight-grid retries when a found code does not decode (see {@link StraightGrid}),
 * a second try on the inverted image for light-on-dark prints and screens, global-threshold tries
 * for faded prints, and a resampled try last. The common case, a dark code on a light ticket, is
 * read by the first try, which costs what one plain ZXing decode costs. Thread-safe; slow
 * (milliseconds to tens of milliseconds), so never on the JavaFX thread.
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

    /**
     * One camera frame, quickly: the code as it is and light-on-dark (a phone screen in dark mode).
     * The next frame comes a moment later, so a frame is not worth the slow tries that a single
     * photo gets in {@link #decode(BufferedImage)}.
     */
    public Optional<String> decodeFrame(BufferedImage frame) {
        LuminanceSource source = luminance(frame);
        Optional<String> text = read(new HybridBinarizer(source));
        return text.isPresent() ? text : read(new HybridBinarizer(source.invert()));
    }

    /** Every try there is, for a single photo or scan that will not be followed by a better one. */
    public Optional<String> decode(BufferedImage image) {
        LuminanceSource source = luminance(image);
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
        if (text.isEmpty()) {
            // About one photo in a hundred has its modules fall badly across the pixel grid and is
            // found by no binarizer; resampled to three quarters it nearly always reads.
            text = read(new HybridBinarizer(luminance(scaled(image, 0.75))));
        }
        return text;
    }

    /**
     * The image's brightness, one byte a pixel, as ZXing reads it ((R + 2G + B) / 4). Read straight
     * from the pixel buffer for the layouts cameras and ImageIO's JPEG reader produce (3-byte BGR,
     * packed int RGB, grey): going through {@code getRGB} converts every pixel through the colour
     * model and costs a 1280x720 frame about 25 ms, five times the QR decode itself. Any other
     * layout takes that slow, general road.
     */
    public static LuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        boolean whole = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getOffset() == 0;
        if (whole && raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model) {
            byte[] data = bytes.getData();
            int stride = model.getScanlineStride();
            if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && model.getPixelStride() == 3) {
                byte[] y = new byte[width * height];
                for (int row = 0; row < height; row++) {
                    int in = row * stride;
                    int out = row * width;
                    for (int x = 0; x < width; x++, in += 3) {
                        int g = data[in + 1] & 0xff;
                        y[out + x] = (byte) (((data[in] & 0xff) + g + g + (data[in + 2] & 0xff)) >> 2);
                    }
                }
                return new PlanarYUVLuminanceSource(y, width, height, 0, 0, width, height, false);
            }
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && model.getPixelStride() == 1) {
                return new PlanarYUVLuminanceSource(data, stride, height, 0, 0, width, height, false);
            }
        }
        if (whole && raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)) {
            int[] data = ints.getData();
            int stride = model.getScanlineStride();
            byte[] y = new byte[width * height];
            for (int row = 0; row < height; row++) {
                int in = row * stride;
                int out = row * width;
                for (int x = 0; x < width; x++) {
                    int rgb = data[in + x];
                    int g = (rgb >> 8) & 0xff;
                    y[out + x] = (byte) ((((rgb >> 16) & 0xff) + g + g + (rgb & 0xff)) >> 2);
                }
            }
            return new PlanarYUVLuminanceSource(y, width, height, 0, 0, width, height, false);
        }
        return new RGBLuminanceSource(width, height, image.getRGB(0, 0, width, height, null, 0, width));
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * What {@link QRCodeReader} does for a photo (binarize, find the three finder patterns, sample the
     * grid, decode), done here step by step so that when ZXing saw the code's finder patterns but got
     * its grid wrong, the {@link StraightGrid} retries can reuse what it found instead of searching
     * the frame again. On the gate benchmark's photos that was every code ZXing failed on (2 to 3 %).
     */
    private static Optional<String> read(Binarizer binarizer) {
        List<FinderPattern> candidates = new ArrayList<>();
        Map<DecodeHintType, Object> hints = new EnumMap<>(HINTS);
        hints.put(DecodeHintType.NEED_RESULT_POINT_CALLBACK, (ResultPointCallback) point -> {
            if (point instanceof FinderPattern finder) {
                candidates.add(finder);
            }
        });
        BitMatrix matrix;
        try {
            matrix = binarizer.getBlackMatrix();
        } catch (ReaderException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            DetectorResult detected = new Detector(matrix).detect(hints);
            try {
                return Optional.of(new Decoder().decode(detected.getBits(), HINTS).getText());
            } catch (ChecksumException | FormatException e) {
                return StraightGrid.withoutAlignmentPattern(matrix, detected, HINTS);
            }
        } catch (NotFoundException e) {
            return StraightGrid.fromFinderCandidates(matrix, candidates, HINTS);
        } catch (ReaderException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
