package com.admitone.server;

import com.admitone.model.BuildInfo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's --version: what an administrator reads back after an install or an upgrade. */
class ServerMainTest {

    @Test
    void versionNamesTheProductVersionAndBuild() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ServerMain()).setOut(new PrintWriter(out)).execute("--version");
        assertThat(exit).isZero();
        BuildInfo build = BuildInfo.current();
        assertThat(out.toString().trim()).isEqualTo("AdmitOne server " + build.version()
                + " (build " + build.commit() + ", " + build.time() + ")");
        assertThat(build.commit()).as("built from a git checkout").matches("[0-9a-f]{7,}|unknown");
    }
}
