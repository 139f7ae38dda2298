package com.admitone.server;

import com.admitone.model.BuildInfo;

/** The version of this build and, for {@code --version}, the build it came from (see {@link BuildInfo}). */
public final class Version {
    private Version() {
    }

    public static String current() {
        return BuildInfo.current().version();
    }

    public static String described() {
        return BuildInfo.current().describe();
    }
}
