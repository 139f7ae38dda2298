package com.admitone.client.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the client keeps its database: the user's application-data folder of the operating
 * system, or the folder given with {@code --data}.
 */
public final class DataFolder {
    static final String APP = "AdmitOne";

    private DataFolder() {
    }

    public static Path resolve(Path override) {
        if (override != null) {
            return override.toAbsolutePath();
        }
        return defaultFor(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The conventional per-user data folder: %APPDATA% on Windows, Application Support on macOS, XDG elsewhere. */
    static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve(APP);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve(APP);
    }
}
