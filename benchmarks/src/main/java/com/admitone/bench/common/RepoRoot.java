package com.admitone.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository root: the nearest folder, walking up, whose {@code pom.xml} lists the
 * {@code benchmarks} module. Tried from the working directory first, then from where this class
 * was loaded (so the launcher may run from anywhere inside the checkout).
 */
public final class RepoRoot {
    private RepoRoot() {
    }

    public static Path find() {
        Optional<Path> fromWorkingDir = walkUp(Path.of("").toAbsolutePath());
        if (fromWorkingDir.isPresent()) {
            return fromWorkingDir.get();
        }
        try {
            var source = RepoRoot.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Optional<Path> fromCode = walkUp(Path.of(source.getLocation().toURI()).toAbsolutePath());
                if (fromCode.isPresent()) {
                    return fromCode.get();
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the error below
        }
        throw new IllegalStateException("cannot find the repository root (a pom.xml with <module>benchmarks</module>) "
                + "above " + Path.of("").toAbsolutePath());
    }

    static Optional<Path> walkUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                try {
                    if (Files.readString(pom).contains("<module>benchmarks</module>")) {
                        return Optional.of(dir);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + pom, e);
                }
            }
        }
        return Optional.empty();
    }
}
