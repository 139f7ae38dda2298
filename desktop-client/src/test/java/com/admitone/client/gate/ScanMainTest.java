package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.ChangeApplier;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan tool on real QR images: plain, rotated, skewed, blurred, inverted, faded, small in the frame and JPEG-compressed. */
class ScanMainTest {
    static final Instant START = Instant.parse("2026-11-22T19:30:00Z");
    // A fixed key and ticket: the same QR code every run, so a photo that reads once reads always.
    static final SigningKey KEY = SigningKey.fromPrivateKey(new byte[]{
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    static final TicketToken TICKET = new TicketToken(KEY.keyId(), UUID.fromString("3f2c1f0e-6a4b-4c1d-9e8f-0a1b2c3d4e5f"), 808, 5L,
            null, PriceType.ADULT,
            START.minus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), 1);
    static final String TEXT = TicketTokenCodec.encode(TICKET, KEY);

    @TempDir
    static Path dir;
    static List<Path> readable = new ArrayList<>();
    static Path noise;

    @BeforeAll
    static void makeImages() throws Exception {
        BufferedImage qr = TicketPhotos.qr(TEXT, 4);
        readable.add(TicketPhotos.png(qr, dir.resolve("plain.png")));
        readable.add(TicketPhotos.png(TicketPhotos.photo(qr, 17, 260, 1), dir.resolve("rotated.png")));
        readable.add(TicketPhotos.png(TicketPhotos.photo(qr, 90, 240, 2), dir.resolve("sideways.png")));
        readable.add(TicketPhotos.png(TicketPhotos.blurred(TicketPhotos.photo(qr, -8, 300, 3)), dir.resolve("blurred.png")));
        readable.add(TicketPhotos.png(TicketPhotos.inverted(qr), dir.resolve("inverted.png")));
        readable.add(TicketPhotos.png(TicketPhotos.lowContrast(qr), dir.resolve("faded.png")));
        readable.add(TicketPhotos.jpeg(TicketPhotos.photo(qr, 5, 220, 4), dir.resolve("photo.jpg"), 0.6f));
        readable.add(TicketPhotos.png(TicketPhotos.skewed(TicketPhotos.photo(qr, 3, 300, 6), 0.25, 0.75), dir.resolve("skewed.png")));
        // Held far from the camera: under 3 pixels per module.
        readable.add(TicketPhotos.jpeg(TicketPhotos.photo(qr, 7, 160, 7), dir.resolve("small.jpg"), 0.8f));
        noise = TicketPhotos.png(TicketPhotos.photo(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), 0, 50, 5),
                dir.resolve("no-code.png"));
        Files.writeString(dir.resolve("not-an-image.png"), "hello");
    }

    @Test
    void decodesEveryVariant() {
        List<String> args = new ArrayList<>(List.of("--decode-only"));
        readable.forEach(p -> args.add(p.toString()));
        Run run = run(args);
        assertThat(run.lines).as("every image is read").noneMatch(line -> line.endsWith("\tUNREADABLE"));
        assertThat(run.status).isZero();
        assertThat(run.lines).hasSize(readable.size());
        for (int i = 0; i < readable.size(); i++) {
            assertThat(run.lines.get(i)).isEqualTo(readable.get(i) + "\t" + TEXT);
        }
    }

    @Test
    void unreadableImagesArePrintedAndFailTheRun() {
        Run run = run(List.of("--decode-only", readable.get(0).toString(), noise.toString(),
                dir.resolve("not-an-image.png").toString()));
        assertThat(run.status).isEqualTo(1);
        assertThat(run.lines.get(1)).isEqualTo(noise + "\tUNREADABLE");
        assertThat(run.lines.get(2)).endsWith("\tUNREADABLE");
    }

    @Test
    void judgesAgainstTheLocalReplica() throws Exception {
        Path data = dir.resolve("client");
        try (LocalStore store = LocalStore.open(data)) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("keyId", KEY.keyId());
            key.put("owner", "SERVER");
            key.put("publicKey", Base64.getEncoder().encodeToString(KEY.publicKey()));
            key.put("createdAt", START.minus(Duration.ofDays(30)).toString());
            key.put("revoked", false);
            store.write(s -> {
                ChangeApplier.apply(s, new Change(1, ChangeEntity.SIGNING_KEY, KEY.keyId(), false, key, Instant.now()));
                return null;
            });
        }
        Run atTheDoor = run(List.of("--data", data.toString(), "--at", START.minus(Duration.ofMinutes(15)).toString(),
                readable.get(1).toString(), readable.get(6).toString()));
        assertThat(atTheDoor.status).isZero();
        assertThat(atTheDoor.lines).containsExactly(readable.get(1) + "\tADMIT", readable.get(6) + "\tADMIT");

        Run nextDay = run(List.of("--data", data.toString(), "--at", START.plus(Duration.ofDays(1)).toString(),
                readable.get(0).toString()));
        assertThat(nextDay.lines).containsExactly(readable.get(0) + "\tEXPIRED");

        Run otherShow = run(List.of("--data", data.toString(), "--performance", "809", "--at",
                START.minus(Duration.ofMinutes(15)).toString(), readable.get(0).toString()));
        assertThat(otherShow.lines).containsExactly(readable.get(0) + "\tWRONG_PERFORMANCE");
    }

    record Run(int status, List<String> lines) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        int status = new CommandLine(new ScanMain().writingTo(new PrintWriter(out, true))).execute(args.toArray(String[]::new));
        return new Run(status, out.toString().lines().toList());
    }
}
