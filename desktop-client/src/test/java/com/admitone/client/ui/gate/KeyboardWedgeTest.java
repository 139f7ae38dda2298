package com.admitone.client.ui.gate;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scanner that types into the gate while a text field has focus: the scan counts once and the
 * field gets back the text staff had typed, wherever its caret was. (Under Xvfb a scan typed while
 * the caret sat mid-way in the gate's name used to stay in the name and go out with every scan.)
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWedgeTest {
    private static final String CODE = "AO1.AWt-BgMncYT1YYpCy6VKmUkGjV5hpwYAkAIA2qejDso";
    private final List<String> scans = new ArrayList<>();
    private TextField gateName;

    @Start
    void start(Stage stage) {
        gateName = new TextField("North gate");
        Scene scene = new Scene(new VBox(gateName), 300, 100);
        new KeyboardWedge(60, 20, () -> 0L, scans::add).install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aScanTypedMidWayIntoAFieldLeavesTheFieldAsItWas(FxRobot robot) {
        robot.interact(() -> {
            gateName.requestFocus();
            gateName.positionCaret("North".length());
            scan(CODE);
        });
        assertThat(scans).containsExactly(CODE);
        assertThat(gateName.getText()).isEqualTo("North gate");
    }

    @Test
    void aScanTypedAtTheEndOfAFieldLeavesTheFieldAsItWas(FxRobot robot) {
        robot.interact(() -> {
            gateName.requestFocus();
            gateName.end();
            scan(CODE);
        });
        assertThat(scans).containsExactly(CODE);
        assertThat(gateName.getText()).isEqualTo("North gate");
    }

    /** As the keyboard delivers it: each character typed into the focused field, then Enter. */
    private void scan(String code) {
        for (char c : code.toCharArray()) {
            KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false);
            Event.fireEvent(gateName, typed);
        }
        Event.fireEvent(gateName, new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER, false, false, false, false));
    }
}
