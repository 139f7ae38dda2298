package com.admitone.client.ui.common;

import com.admitone.client.sync.ProblemMessages;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The one strings bundle ({@code i18n/strings.properties}), for code; FXML reads the same keys as %key. */
public final class Strings {
    private final ResourceBundle bundle;

    public Strings(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Strings load(Locale locale) {
        return new Strings(ResourceBundle.getBundle(ProblemMessages.BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String format(String key, Object... args) {
        return String.format(get(key), args);
    }

    /** A key's sentence if the bundle has one, else the fallback (for keys carried by exceptions). */
    public String orElse(String key, String fallback) {
        return key != null && bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
