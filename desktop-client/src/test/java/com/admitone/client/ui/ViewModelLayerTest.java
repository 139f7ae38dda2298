package com.admitone.client.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Layer rule: view models hold properties and commands only, so they never import the scene graph. */
class ViewModelLayerTest {
    @Test
    void viewModelsDoNotImportJavafxScene() throws IOException {
        Path sources = Path.of("src/main/java/com/admitone/client");
        List<Path> viewModels;
        try (Stream<Path> files = Files.walk(sources)) {
            viewModels = files.filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).toList();
        }
        assertThat(viewModels).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : viewModels) {
            assertThat(Files.readAllLines(file)).as(file.toString())
                    .noneMatch(line -> line.startsWith("import javafx.scene") || line.startsWith("import static javafx.scene"));
        }
    }

    @Test
    void theStoreAndSyncPackagesDoNotDependOnTheUi() throws IOException {
        for (String pkg : List.of("store", "sync", "auth")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/admitone/client", pkg))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readAllLines(file)).as(file.toString())
                            .noneMatch(line -> line.startsWith("import javafx.") || line.startsWith("import com.admitone.client.ui"));
                }
            }
        }
    }
}
