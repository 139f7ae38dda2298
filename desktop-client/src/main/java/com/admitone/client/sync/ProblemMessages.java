package com.admitone.client.sync;

import com.admitone.model.problem.ErrorCode;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns failures into sentences for staff, from the {@code problem.*} and {@code server.*} keys of
 * the one strings bundle. An unknown code (from a newer server) falls back to the server's own
 * detail, then to a generic sentence, so staff never see a bare code.
 */
public final class ProblemMessages {
    public static final String BUNDLE = "i18n.strings";

    private final ResourceBundle bundle;

    public ProblemMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static ProblemMessages forLocale(Locale locale) {
        return new ProblemMessages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public String sentence(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return forCode(problem.code(), problem.detail());
        }
        if (failure instanceof ServerUnreachableException) {
            return text("server.unreachable", "The server cannot be reached. The till keeps working offline.");
        }
        if (failure instanceof ServerFailureException) {
            return text("server.failure", "The server failed. The till keeps working offline and tries again.");
        }
        String message = failure == null ? null : failure.getMessage();
        return message == null ? text("generic.error", "Something went wrong.") : message;
    }

    /** The plain sentence for a stable code; {@code detail} is used only if the code is unknown here. */
    public String forCode(String code, String detail) {
        if (code != null) {
            String key = "problem." + code;
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
            try {
                return ErrorCode.valueOf(code).title();
            } catch (IllegalArgumentException unknown) {
                // a code from a newer server
            }
        }
        return detail != null && !detail.isBlank() ? detail : text("generic.error", "Something went wrong.");
    }

    private String text(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
