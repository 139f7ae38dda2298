package com.admitone.client.store;

/**
 * Keeps slow work off the JavaFX application thread: the store and the HTTP client call
 * {@link #assertNotUiThread} first, so a blocking call from an event handler fails at once in
 * development instead of freezing a till in production. Recognises the thread by its name, so
 * this class needs no JavaFX toolkit (the sync engine and its tests run without one).
 */
public final class UiThreadGuard {
    /** The name JavaFX gives its application thread on every Glass platform, Monocle included. */
    static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private UiThreadGuard() {
    }

    public static boolean onUiThread() {
        return FX_THREAD_NAME.equals(Thread.currentThread().getName());
    }

    /** Throws if called on the JavaFX application thread; {@code what} names the blocking work. */
    public static void assertNotUiThread(String what) {
        if (onUiThread()) {
            throw new IllegalStateException(what + " must not run on the JavaFX application thread: it blocks the screen. "
                    + "Run it in a background Task (ui.common.Tasks) and publish the result with Platform.runLater.");
        }
    }
}
