package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Seat pictures, rasterised once per look and size and then stamped with {@code drawImage}.
 * With the software renderer (remote desktops, machines without a usable GPU) an anti-aliased
 * oval costs several times a small image copy, and a 5,000-seat repaint is thousands of them.
 *
 * <p>A seat is a disc (a rounded square for a wheelchair space) in its fill colour, with markers
 * once it is at least {@value #MIN_MARKER_RADIUS} px in radius: a bar for blocked, a wheelchair
 * pictogram, a ring for a companion seat, a corner triangle for a restricted view. Shapes are
 * signed-distance functions sampled once per pixel, with coverage from the distance, so the
 * pictures are smooth and cost microseconds to make: zooming through sizes stays cheap.
 */
final class SeatSprites {
    /** From this radius (px) markers are drawn. */
    static final double MIN_MARKER_RADIUS = 4.5;
    /** Below this radius (px) a seat is a plain square: crisper than a tiny disc. */
    static final double MIN_ROUND_RADIUS = 2.5;
    /** Sizes are rounded to this step (px), so small zoom changes reuse pictures. */
    private static final double SIZE_STEP = 0.25;
    private static final int MAX_CACHED = 512;

    static final int WHEELCHAIR = 1;
    static final int COMPANION = 2;
    static final int RESTRICTED = 4;
    private static final int BLOCKED = 8;
    /** Distinct values of {@link #flagBits}. */
    static final int FLAG_LOOKS = 8;

    /** A picture and where its centre is, in pixels from its top-left corner. */
    record Sprite(Image image, double centre, double size) {
    }

    private record Key(int fill, int marker, int restricted, int kind, int quarterPixels) {
    }

    private final Map<Key, Sprite> cache = new HashMap<>();

    /** Rounds a radius to a size pictures exist for. */
    static double quantise(double radius) {
        return Math.max(SIZE_STEP, Math.round(radius / SIZE_STEP) * SIZE_STEP);
    }

    /** The flags that change a seat's picture, as bits. */
    static int flagBits(Set<SeatFlag> flags) {
        return (flags.contains(SeatFlag.WHEELCHAIR) ? WHEELCHAIR : 0)
                | (flags.contains(SeatFlag.COMPANION) ? COMPANION : 0)
                | (flags.contains(SeatFlag.RESTRICTED_VIEW) ? RESTRICTED : 0);
    }

    Sprite get(Color fill, SeatStatus status, Set<SeatFlag> flags, double radius, SeatPalette palette) {
        return get(fill, status, flagBits(flags), radius, palette);
    }

    Sprite get(Color fill, SeatStatus status, int flagBits, double radius, SeatPalette palette) {
        double r = quantise(radius);
        int kind = flagBits & WHEELCHAIR;
        if (r >= MIN_MARKER_RADIUS) {
            kind |= flagBits;
            if (status == SeatStatus.BLOCKED) {
                kind |= BLOCKED;
            }
        }
        Color marker = SeatPalette.contrastOn(fill);
        Key key = new Key(argb(fill), argb(marker), argb(palette.restrictedMarker()), kind, (int) Math.round(r / SIZE_STEP));
        Sprite sprite = cache.get(key);
        if (sprite == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            sprite = render(fill, marker, palette.restrictedMarker(), kind, r);
            cache.put(key, sprite);
        }
        return sprite;
    }

    void clear() {
        cache.clear();
    }

    private static Sprite render(Color fill, Color marker, Color restricted, int kind, double r) {
        int side = (int) Math.ceil(2 * r + 4);
        double c = side / 2.0;
        int[] pixels = new int[side * side];
        boolean square = r < MIN_ROUND_RADIUS;
        double[] rgba = new double[4];
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                // Seat coordinates: origin at the centre, y down, in pixels.
                double x = px + 0.5 - c;
                double y = py + 0.5 - c;
                double body = square ? box(x, y, r, r, 0)
                        : (kind & WHEELCHAIR) != 0 ? box(x, y, r, r, r * 0.3) : length(x, y) - r;
                // Premultiplied RGBA, painted back to front.
                Arrays.fill(rgba, 0);
                over(rgba, fill, coverage(body));
                if ((kind & BLOCKED) != 0) {
                    over(rgba, marker, coverage(segment(x, y, -r * 0.5, 0, r * 0.5, 0) - Math.max(0.5, r * 0.11)));
                } else if ((kind & WHEELCHAIR) != 0 && r >= MIN_MARKER_RADIUS) {
                    over(rgba, marker, coverage(wheelchair(x, y, r)));
                } else if ((kind & COMPANION) != 0) {
                    over(rgba, marker, coverage(Math.abs(length(x, y) - r * 0.5) - Math.max(0.5, r * 0.08)));
                }
                if ((kind & RESTRICTED) != 0) {
                    over(rgba, restricted, coverage(cornerTriangle(x, y, r)));
                }
                pixels[py * side + px] = toArgb(rgba);
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), pixels, 0, side);
        return new Sprite(image, c, side);
    }

    /** Math.hypot is exact but slow; a picture needs no more than sqrt. */
    private static double length(double x, double y) {
        return Math.sqrt(x * x + y * y);
    }

    /** Coverage of a pixel by a shape from its signed distance (negative inside), one pixel of ramp. */
    private static double coverage(double distance) {
        return Math.max(0, Math.min(1, 0.5 - distance));
    }

    /** A rounded box of half-size (hx, hy) and corner radius k. */
    private static double box(double x, double y, double hx, double hy, double k) {
        double qx = Math.abs(x) - (hx - k);
        double qy = Math.abs(y) - (hy - k);
        double outside = length(Math.max(qx, 0), Math.max(qy, 0));
        return outside + Math.min(Math.max(qx, qy), 0) - k;
    }

    /** Distance from a point to the segment (ax, ay)-(bx, by). */
    private static double segment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        return length(x - ax - t * dx, y - ay - t * dy);
    }

    /** The international wheelchair pictogram, simplified: head, back, seat, leg and the open wheel. */
    private static double wheelchair(double x, double y, double r) {
        double w = Math.max(0.55, r * 0.075);
        double head = length(x + r * 0.22, y + r * 0.66) - r * 0.15;
        double back = segment(x, y, -r * 0.22, -r * 0.38, -r * 0.22, r * 0.05) - w;
        double seat = segment(x, y, -r * 0.22, r * 0.05, r * 0.28, r * 0.05) - w;
        double leg = segment(x, y, r * 0.28, r * 0.05, r * 0.48, r * 0.48) - w;
        // The wheel: a ring around (-0.12r, 0.2r), open at the upper right where the body is.
        double cx = x + r * 0.12;
        double cy = y - r * 0.2;
        double wheelRadius = r * 0.42;
        double angle = Math.toDegrees(Math.atan2(-cy, cx));   // counter-clockwise from +x, y up
        double wheel;
        if (angle > -10 && angle < 100) {
            double a0 = Math.toRadians(-10);
            double a1 = Math.toRadians(100);
            wheel = Math.min(length(cx - wheelRadius * Math.cos(a0), -cy - wheelRadius * Math.sin(a0)),
                    length(cx - wheelRadius * Math.cos(a1), -cy - wheelRadius * Math.sin(a1))) - w;
        } else {
            wheel = Math.abs(length(cx, cy) - wheelRadius) - w;
        }
        return Math.min(Math.min(head, back), Math.min(Math.min(seat, leg), wheel));
    }

    /**
     * A small right triangle in the top-right corner, corners A (r+1-t, -r-1), B (r+1, -r-1) and
     * C (r+1, -r-1+t): the largest of the distances to its three edges (negative inside).
     */
    private static double cornerTriangle(double x, double y, double r) {
        double t = r * 0.8;
        double top = (-r - 1) - y;
        double right = x - (r + 1);
        double hypotenuse = -((x - (r + 1 - t)) - (y - (-r - 1))) / Math.sqrt(2);
        return Math.max(Math.max(top, right), hypotenuse);
    }

    private static void over(double[] rgba, Color colour, double coverage) {
        double a = colour.getOpacity() * coverage;
        if (a <= 0) {
            return;
        }
        double keep = 1 - a;
        rgba[0] = colour.getRed() * a + rgba[0] * keep;
        rgba[1] = colour.getGreen() * a + rgba[1] * keep;
        rgba[2] = colour.getBlue() * a + rgba[2] * keep;
        rgba[3] = a + rgba[3] * keep;
    }

    private static int toArgb(double[] rgba) {
        double a = rgba[3];
        if (a <= 0) {
            return 0;
        }
        int r = (int) Math.round(Math.min(1, rgba[0] / a) * 255);
        int g = (int) Math.round(Math.min(1, rgba[1] / a) * 255);
        int b = (int) Math.round(Math.min(1, rgba[2] / a) * 255);
        return ((int) Math.round(a * 255) << 24) | (r << 16) | (g << 8) | b;
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }
}
