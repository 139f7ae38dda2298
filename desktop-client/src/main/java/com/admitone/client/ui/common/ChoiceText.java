package com.admitone.client.ui.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;
import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * How the things a list or combo box offers are shown: one line of text per item, empty for no
 * item. The items are always picked, never typed, so nothing converts text back.
 */
public final class ChoiceText {
    private ChoiceText() {
    }

    /** For a combo box's value and its list: {@code text} of the item, "" for none. */
    public static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }

    /**
     * For a list whose rows are several lines long: the text wraps at the list's width instead of
     * widening the list (a cell's preferred width of 0 lets the list, not the text, decide).
     */
    public static <T> Callback<ListView<T>, ListCell<T>> wrappingCells(Function<T, String> text) {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** For a list of one-line rows: {@code text} of the item, nothing for an empty row. */
    public static <T> Callback<ListView<T>, ListCell<T>> cells(Function<T, String> text) {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
