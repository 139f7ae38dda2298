package com.admitone.client.ui.boxoffice.seatmap;

import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The seats a counter has picked on the map, by seat id, in the order they were picked. The
 * screen observes {@link #getSelectedIds()} to place and release holds; the map changes it when
 * staff click, drag or press space, and drops seats that another counter takes.
 */
public final class SeatSelection {
    private final ObservableSet<Long> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<Long> readOnly = FXCollections.unmodifiableObservableSet(selected);

    /** The selected seat ids, read-only; add a listener to follow changes. */
    public ObservableSet<Long> getSelectedIds() {
        return readOnly;
    }

    public boolean isSelected(long seatId) {
        return selected.contains(seatId);
    }

    public void select(long seatId) {
        selected.add(seatId);
    }

    public void selectAll(Collection<Long> seatIds) {
        selected.addAll(seatIds);
    }

    public void deselect(long seatId) {
        selected.remove(seatId);
    }

    /** Selects an unselected seat or deselects a selected one; answers whether it is now selected. */
    public boolean toggle(long seatId) {
        if (selected.remove(seatId)) {
            return false;
        }
        selected.add(seatId);
        return true;
    }

    public void clear() {
        selected.clear();
    }

    public int size() {
        return selected.size();
    }
}
