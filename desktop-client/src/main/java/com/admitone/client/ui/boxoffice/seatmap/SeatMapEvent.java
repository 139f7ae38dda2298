package com.admitone.client.ui.boxoffice.seatmap;

import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.event.EventType;

/** Fired by {@link SeatMapView} when staff click a seat (whether or not its selection changed). */
public class SeatMapEvent extends Event {
    private static final long serialVersionUID = 1L;

    public static final EventType<SeatMapEvent> ANY = new EventType<>(Event.ANY, "SEAT_MAP");
    public static final EventType<SeatMapEvent> SEAT_CLICKED = new EventType<>(ANY, "SEAT_CLICKED");

    private final transient MapSeat seat;
    private final SeatStatus status;
    private final boolean selected;

    public SeatMapEvent(Object source, EventTarget target, EventType<SeatMapEvent> type, MapSeat seat,
                        SeatStatus status, boolean selected) {
        super(source, target, type);
        this.seat = seat;
        this.status = status;
        this.selected = selected;
    }

    public MapSeat getSeat() {
        return seat;
    }

    public SeatStatus getStatus() {
        return status;
    }

    /** Whether the seat is selected after the click. */
    public boolean isSelected() {
        return selected;
    }
}
