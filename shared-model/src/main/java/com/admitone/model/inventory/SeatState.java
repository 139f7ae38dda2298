package com.admitone.model.inventory;

/** The state of one seat (or one unit of general-admission capacity) for one performance. */
public enum SeatState {
    FREE, HELD, SOLD, BLOCKED, ALLOTTED
}
