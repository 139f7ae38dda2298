package com.admitone.bench.gate;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;

/** 1280x720 "photos" of a ticket on a cluttered counter: the QR small (about a third of the height, 3.5 to 4.5 pixels a module) and tilted. */
final class SyntheticTicketPhotos {
    private SyntheticTicketPhotos() {
    }

    static BufferedImage photo(String text, Random random) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        int modules = matrix.getWidth();
        BufferedImage qr = new BufferedImage(modules, modules, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                qr.setRGB(x, y, matrix.get(x, y) ? 0x151515 : 0xf4f0e6);
            }
        }
        BufferedImage photo = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(70 + random.nextInt(60), 60 + random.nextInt(60), 50 + random.nextInt(60)));
        g.fillRect(0, 0, 1280, 720);
        for (int i = 0; i < 80; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(1280), random.nextInt(720), 5 + random.nextInt(60), 5 + random.nextInt(60));
        }
        int size = 210 + random.nextInt(50);
        int cx = 250 + random.nextInt(780);
        int cy = 180 + random.nextInt(360);
        g.rotate(Math.toRadians(random.nextInt(41) - 20), cx, cy);
        g.setColor(new Color(0xf4f0e6));
        g.fillRect(cx - size, cy - size * 3 / 4, size * 2, size * 3 / 2);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(qr, cx - size / 2, cy - size / 2, size, size, null);
        g.dispose();
        return photo;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
