package com.admitone.client.ui.boxoffice.seatmap;

import javafx.scene.paint.Color;

/**
 * The colours one paint uses, resolved from {@link SeatMapView}'s CSS properties: one per seat
 * status, one per price zone (for free seats) and the map's own.
 */
record SeatPalette(Color[] statusColours, Color[] zoneColours, Color background, Color selection, Color focus,
                   Color hover, Color marker, Color restrictedMarker, Color text, Color stage) {

    Color status(SeatStatus status) {
        return statusColours[status.ordinal()];
    }

    /** The colour of the zone at {@code zoneIndex} in the map's zone list; zones share colours past the end. */
    Color zone(int zoneIndex) {
        if (zoneColours.length == 0 || zoneIndex < 0) {
            return status(SeatStatus.FREE);
        }
        return zoneColours[zoneIndex % zoneColours.length];
    }

    /** A seat's fill: its zone's colour while free, its status colour otherwise. */
    Color fill(SeatStatus status, int zoneIndex) {
        return status == SeatStatus.FREE ? zone(zoneIndex) : status(status);
    }

    /** Black or white, whichever reads better on {@code fill}. */
    static Color contrastOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
