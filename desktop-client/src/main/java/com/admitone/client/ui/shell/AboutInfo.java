package com.admitone.client.ui.shell;

import com.admitone.model.BuildInfo;

import java.nio.file.Path;

/**
 * What the About box shows: the product, its version and build (the same as {@code --version}),
 * where this computer keeps its database and logs, and which server it syncs with. Support asks
 * for exactly these when a till misbehaves.
 */
public record AboutInfo(String product, BuildInfo build, Path dataFolder, String serverUrl) {

    public static final String PRODUCT = "AdmitOne desktop client";

    public AboutInfo {
        if (product == null || build == null || dataFolder == null || serverUrl == null) {
            throw new IllegalArgumentException("every part of the About box is needed");
        }
    }

    public static AboutInfo of(Path dataFolder, String serverUrl) {
        return new AboutInfo(PRODUCT, BuildInfo.current(), dataFolder, serverUrl);
    }

    /** The folder the client's log files go to (logback.xml writes there). */
    public Path logFolder() {
        return dataFolder.resolve("logs");
    }
}
