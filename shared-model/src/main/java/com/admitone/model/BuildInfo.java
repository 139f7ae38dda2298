package com.admitone.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and build of this copy of AdmitOne, written into {@code build.properties} by Maven
 * (the project version, the git commit the build was made from and the build time, UTC).
 * Both launchers' {@code --version} and the client's About box show {@link #describe()}.
 */
public record BuildInfo(String version, String commit, String time) {

    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** For example {@code 0.1.0-SNAPSHOT (build 3f2a9c1e0b, 2026-11-22T03:40Z)}. */
    public String describe() {
        return version + " (build " + commit + ", " + time + ")";
    }

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(properties, "version", "development"), value(properties, "commit", "unknown"),
                value(properties, "time", "unknown"));
    }

    /** A value Maven could not fill in (no git, say) stays "${...}" in the file; show it as unknown. */
    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() || value.contains("${") ? fallback : value.trim();
    }
}
