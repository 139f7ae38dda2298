package com.admitone.client.gate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** Makes QR images of ticket codes the way real ones arrive: printed, photographed, tilted, blurred, compressed. */
public final class TicketPhotos {
    private TicketPhotos() {
    }

    public static BufferedImage qr(String text, int modulePixels) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int size = matrix.getWidth() * modulePixels;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / modulePixels, y / modulePixels) ? 0x000000 : 0xffffff);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 1280x720 "photo": a noisy background with a ticket on it, the QR rotated by {@code degrees}. */
    public static BufferedImage photo(BufferedImage qr, double degrees, int qrSize, long seed) {
        Random random = new Random(seed);
        BufferedImage photo = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(90 + random.nextInt(40), 80 + random.nextInt(40), 70 + random.nextInt(40)));
        g.fillRect(0, 0, 1280, 720);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(1280), random.nextInt(720), 10 + random.nextInt(80), 10 + random.nextInt(80));
        }
        int cx = 300 + random.nextInt(680);
        int cy = 200 + random.nextInt(320);
        g.rotate(Math.toRadians(degrees), cx, cy);
        g.setColor(new Color(245, 240, 230));
        g.fillRect(cx - qrSize, cy - qrSize / 2 - 20, qrSize * 2, qrSize + 40);
        g.drawImage(qr, cx - qrSize / 2, cy - qrSize / 2, qrSize, qrSize, null);
        g.dispose();
        return photo;
    }

    /**
     * The photo taken at an angle: the ticket's plane leans away, so the code is sheared and
     * squashed, as a phone held low at the gate sees it.
     */
    static BufferedImage skewed(BufferedImage image, double shear, double squash) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        t.translate(out.getWidth() * 0.1, out.getHeight() * 0.1);
        t.shear(shear, 0);
        t.scale(0.8, squash * 0.8);
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    static BufferedImage blurred(BufferedImage image) {
        float[] kernel = new float[9];
        java.util.Arrays.fill(kernel, 1f / 9f);
        return new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    static BufferedImage inverted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }

    /** Dark grey on light grey: a faded print. */
    static BufferedImage lowContrast(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = image.getRGB(x, y) & 0xff;
                int grey = 110 + v * 60 / 255;
                out.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return out;
    }

    static Path png(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Path jpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
