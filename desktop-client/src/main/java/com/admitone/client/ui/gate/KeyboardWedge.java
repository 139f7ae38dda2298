package com.admitone.client.ui.gate;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Catches a keyboard-wedge scanner wherever focus is. A scanner "types" the code far faster than a
 * person, then Enter: characters each within {@code maxGapNanos} of the previous one, at least
 * {@code minLength} of them, then Enter, count as one scan. Slower typing is left alone, so the
 * manual look-up field still works. Installed as an event filter on the scene.
 */
final class KeyboardWedge {
    private final StringBuilder buffer = new StringBuilder(160);
    private final long maxGapNanos;
    private final int minLength;
    private final LongSupplier nanoClock;
    private final Consumer<String> onScan;
    private long lastCharNanos;

    private final EventHandler<KeyEvent> typed = this::typed;
    private final EventHandler<KeyEvent> pressed = this::pressed;

    KeyboardWedge(long maxGapMillis, int minLength, LongSupplier nanoClock, Consumer<String> onScan) {
        this.maxGapNanos = maxGapMillis * 1_000_000L;
        this.minLength = minLength;
        this.nanoClock = nanoClock;
        this.onScan = onScan;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, typed);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
    }

    void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_TYPED, typed);
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
    }

    private void typed(KeyEvent event) {
        String c = event.getCharacter();
        if (c == null || c.isEmpty() || c.charAt(0) < 0x20 || c.charAt(0) == 0x7f) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (buffer.length() > 0 && now - lastCharNanos > maxGapNanos) {
            buffer.setLength(0);
        }
        buffer.append(c);
        lastCharNanos = now;
    }

    private void pressed(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        boolean burst = buffer.length() >= minLength && nanoClock.getAsLong() - lastCharNanos <= maxGapNanos * 3;
        String text = buffer.toString();
        buffer.setLength(0);
        if (!burst) {
            return;
        }
        event.consume();
        // The burst also went into whatever text field had focus, just before the caret (which is
        // not always at the end: staff who renamed the gate left it mid-word); take it back out.
        if (event.getTarget() instanceof TextInputControl field && field.getText() != null) {
            int caret = field.getCaretPosition();
            String typed = field.getText();
            if (caret >= text.length() && caret <= typed.length() && typed.startsWith(text, caret - text.length())) {
                field.deleteText(caret - text.length(), caret);
            } else if (typed.endsWith(text)) {
                field.setText(typed.substring(0, typed.length() - text.length()));
            }
        }
        onScan.accept(text);
    }
}
