package com.admitone.client.gate;

import com.admitone.model.ticket.TicketTokenCodec;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast brightness read gives exactly what ZXing's own (slow) conversion gives, for every layout. */
class QrImageDecoderTest {
    private final Random random = new Random(7);

    @Test
    void everyPixelLayoutGivesZxingsOwnBrightness() throws Exception {
        BufferedImage rgb = noise(BufferedImage.TYPE_INT_RGB, 97, 61);
        for (int type : new int[]{BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage image = convert(rgb, type);
            assertThat(QrImageDecoder.luminance(image).getMatrix()).as("type " + type).isEqualTo(slow(image));
        }
        // A grey image's bytes are its brightness as stored (getRGB would add a gamma curve on top).
        BufferedImage grey = convert(rgb, BufferedImage.TYPE_BYTE_GRAY);
        byte[] stored = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        assertThat(QrImageDecoder.luminance(grey).getMatrix()).isEqualTo(stored);
        // A window into a larger picture (a crop) shares the parent's buffer: it must take the general road.
        BufferedImage crop = convert(noise(BufferedImage.TYPE_INT_RGB, 200, 120), BufferedImage.TYPE_3BYTE_BGR)
                .getSubimage(13, 7, 101, 77);
        assertThat(QrImageDecoder.luminance(crop).getMatrix()).isEqualTo(slow(crop));
    }

    @Test
    void aJpegCameraFrameStillDecodes() throws Exception {
        BufferedImage photo = TicketPhotos.photo(TicketPhotos.qr("AO1.fast-path-check-0123456789", 5), 9, 280, 3);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
        assertThat(frame.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(new QrImageDecoder().decode(frame)).contains("AO1.fast-path-check-0123456789");
        assertThat(new QrImageDecoder().decodeFrame(frame)).contains("AO1.fast-path-check-0123456789");
        assertThat(new QrImageDecoder().decodeFrame(TicketPhotos.inverted(photo))).as("a phone screen in dark mode")
                .contains("AO1.fast-path-check-0123456789");
    }

    /**
     * Two grey crops of the gate benchmark's synthetic photos (a version-8 ticket code, 4 pixels a
     * module, tilted, JPEG) that ZXing's own reader cannot read although it finds the code: in one it
     * bends the grid towards a false alignment pattern, in the other it measures the side as 47
     * modules, a size no code has, and gives up. Both read on the first try's straight-grid retries.
     */
    @Test
    void codesZxingFindsButMisreadsAreReadOnTheFirstTry() throws Exception {
        for (String name : new String[]{"false-alignment-pattern.png", "side-measured-47-modules.png"}) {
            BufferedImage photo;
            try (var in = QrImageDecoderTest.class.getResourceAsStream(name)) {
                photo = ImageIO.read(in);
            }
            Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            assertThatThrownBy(() -> new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(QrImageDecoder.luminance(photo))), hints))
                    .as(name + ": ZXing alone").isInstanceOf(ReaderException.class);
            Optional<String> text = new QrImageDecoder().decodeFrame(photo);
            assertThat(text).as(name).isPresent();
            assertThat(TicketTokenCodec.decode(text.get()).token().performanceId()).as(name).isEqualTo(4711);
        }
    }

    private static byte[] slow(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        LuminanceSource source = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        return source.getMatrix();
    }

    private BufferedImage noise(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), type);
        out.getGraphics().drawImage(source, 0, 0, null);
        return out;
    }
}
