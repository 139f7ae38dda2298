package com.admitone.client;

import com.admitone.model.BuildInfo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's command line answers --version and --help without opening a window. */
class ClientMainTest {

    @Test
    void versionNamesTheProductVersionAndBuild() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ClientMain()).setOut(new PrintWriter(out)).execute("--version");
        assertThat(exit).isZero();
        BuildInfo build = BuildInfo.current();
        assertThat(out.toString().trim()).isEqualTo("AdmitOne desktop client " + build.version()
                + " (build " + build.commit() + ", " + build.time() + ")");
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpNamesTheDataFolderOption() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ClientMain()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--data").contains("application-data folder").contains("--version");
    }
}
