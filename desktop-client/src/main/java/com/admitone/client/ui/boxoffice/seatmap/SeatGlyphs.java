package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Set;

/**
 * Draws one seat on a canvas, in pixels: the map and the legend's swatches use the same code,
 * so the legend always looks like the map. A seat is a disc (a rounded square for a wheelchair
 * space); markers appear once the seat is big enough to carry them.
 */
final class SeatGlyphs {
    /** Below this radius (px) a seat is a plain square: cheaper, and crisper than a tiny disc. */
    static final double MIN_ROUND_RADIUS = 2.5;
    /** From this radius (px) markers are drawn. */
    static final double MIN_MARKER_RADIUS = 4.5;
    /** From this radius (px) seat numbers are drawn. */
    static final double MIN_NUMBER_RADIUS = 9;

    private SeatGlyphs() {
    }

    static void seat(GraphicsContext g, double cx, double cy, double r, Color fill, SeatStatus status,
                     Set<SeatFlag> flags, int number, SeatPalette palette, Font numberFont) {
        boolean wheelchair = flags.contains(SeatFlag.WHEELCHAIR);
        g.setFill(fill);
        if (r < MIN_ROUND_RADIUS) {
            g.fillRect(cx - r, cy - r, 2 * r, 2 * r);
            return;
        }
        if (wheelchair) {
            g.fillRoundRect(cx - r, cy - r, 2 * r, 2 * r, r * 0.6, r * 0.6);
        } else {
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        if (r < MIN_MARKER_RADIUS) {
            return;
        }
        Color onFill = SeatPalette.contrastOn(fill);
        if (status == SeatStatus.BLOCKED) {
            g.setStroke(onFill);
            g.setLineWidth(Math.max(1, r * 0.22));
            g.setLineCap(StrokeLineCap.ROUND);
            g.strokeLine(cx - r * 0.5, cy, cx + r * 0.5, cy);
        } else if (wheelchair) {
            wheelchair(g, cx, cy, r, onFill);
        } else if (flags.contains(SeatFlag.COMPANION)) {
            g.setStroke(onFill);
            g.setLineWidth(Math.max(1, r * 0.16));
            g.strokeOval(cx - r * 0.5, cy - r * 0.5, r, r);
        } else if (numberFont != null && r >= MIN_NUMBER_RADIUS) {
            g.setFill(onFill);
            g.setFont(numberFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Integer.toString(number), cx, cy);
        }
        if (flags.contains(SeatFlag.RESTRICTED_VIEW)) {
            g.setFill(palette.restrictedMarker());
            double t = r * 0.75;
            g.fillPolygon(new double[] {cx + r - t, cx + r + 1, cx + r + 1},
                    new double[] {cy - r - 1, cy - r - 1, cy - r + t}, 3);
        }
    }

    /** A wheelchair pictogram: head, back and seat, and the big wheel. */
    private static void wheelchair(GraphicsContext g, double cx, double cy, double r, Color colour) {
        g.setFill(colour);
        g.setStroke(colour);
        double w = Math.max(1, r * 0.14);
        g.setLineWidth(w);
        g.setLineCap(StrokeLineCap.ROUND);
        double head = r * 0.15;
        g.fillOval(cx - r * 0.22 - head, cy - r * 0.68 - head, 2 * head, 2 * head);
        // back and thigh
        g.strokeLine(cx - r * 0.22, cy - r * 0.38, cx - r * 0.22, cy + r * 0.05);
        g.strokeLine(cx - r * 0.22, cy + r * 0.05, cx + r * 0.3, cy + r * 0.05);
        g.strokeLine(cx + r * 0.3, cy + r * 0.05, cx + r * 0.5, cy + r * 0.5);
        // wheel: an open arc around the seat
        double wr = r * 0.42;
        g.strokeArc(cx - r * 0.12 - wr, cy + r * 0.2 - wr, 2 * wr, 2 * wr, 100, 250, javafx.scene.shape.ArcType.OPEN);
    }

    static void ring(GraphicsContext g, double cx, double cy, double radius, Color colour, double width) {
        g.setStroke(colour);
        g.setLineWidth(width);
        g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
    }
}
