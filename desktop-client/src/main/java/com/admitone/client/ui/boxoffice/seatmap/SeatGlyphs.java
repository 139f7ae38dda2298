package com.admitone.client.ui.boxoffice.seatmap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The few things drawn around seats as vector strokes: selection, hover and cursor rings. */
final class SeatGlyphs {

    private SeatGlyphs() {
    }

    static void ring(GraphicsContext g, double cx, double cy, double radius, Color colour, double width) {
        g.setStroke(colour);
        g.setLineWidth(width);
        g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
    }
}
