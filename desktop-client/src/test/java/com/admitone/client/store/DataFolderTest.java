package com.admitone.client.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {
    final Path home = Path.of("/home/ann");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(DataFolder.defaultFor("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ann/.local/share/AdmitOne"));
        assertThat(DataFolder.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), home)).isEqualTo(Path.of("/data/xdg/AdmitOne"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataFolder.defaultFor("Windows 11", Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"), home))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/AdmitOne"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolder.defaultFor("Mac OS X", Map.of(), home)).isEqualTo(Path.of("/home/ann/Library/Application Support/AdmitOne"));
    }

    @Test
    void anExplicitFolderWins() {
        assertThat(DataFolder.resolve(Path.of("/tmp/x"))).isEqualTo(Path.of("/tmp/x"));
    }
}
