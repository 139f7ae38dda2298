package com.admitone.client.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark look, swapped in this one place: the AtlantaFX base theme plus the client's own stylesheet. */
public final class Theme {
    public enum Kind { LIGHT, DARK }

    static final String APP_CSS = "/com/admitone/client/ui/common/app.css";

    private Kind current = Kind.LIGHT;

    public Kind current() {
        return current;
    }

    public void apply(Kind kind) {
        current = kind;
        Application.setUserAgentStylesheet(kind == Kind.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void style(Scene scene) {
        String css = Theme.class.getResource(APP_CSS).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
