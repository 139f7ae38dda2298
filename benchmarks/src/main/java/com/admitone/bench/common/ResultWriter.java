package com.admitone.bench.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one benchmark result as a flat, pretty-printed JSON object to
 * {@code benchmarks/results/<name>.json}. Keys keep the order they were put in.
 */
public final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path resultsDir;

    public ResultWriter(Path resultsDir) {
        this.resultsDir = resultsDir;
    }

    /** The default place: {@code <repo root>/benchmarks/results}. */
    public static ResultWriter inRepo() {
        return new ResultWriter(RepoRoot.find().resolve("benchmarks").resolve("results"));
    }

    public Path write(String name, Map<String, ?> result) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(name + ".json");
        Path tmp = resultsDir.resolve(name + ".json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(result) + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Facts about the machine and JVM every result carries. */
    public static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vm", System.getProperty("java.vm.name"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("driver_max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("driver_jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        env.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return env;
    }

    /** Rounds for presentation; NaN and infinities become null so the JSON stays valid. */
    public static Double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
