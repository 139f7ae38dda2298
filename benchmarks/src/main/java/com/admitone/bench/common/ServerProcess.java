package com.admitone.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sync server as its own process, started the way an operator would:
 * {@code java -Xmx256m -cp <classpath> com.admitone.server.ServerMain --port N --data DIR --demo [...]}.
 * Its output goes to a log file; {@link #close()} stops it (destroy, then destroyForcibly).
 */
public final class ServerProcess implements AutoCloseable {
    public static final String MAIN_CLASS = "com.admitone.server.ServerMain";

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> command;

    private ServerProcess(Process process, int port, Path log, List<String> command) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /** What to start; everything but the extra server arguments has a sensible default. */
    public static final class Spec {
        private String maxHeap = "256m";
        private String classPath = System.getProperty("java.class.path");
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> serverArgs = new ArrayList<>();
        private Path dataDir;
        private Path log;
        private boolean demo = true;
        private int port;

        public Spec maxHeap(String value) {
            this.maxHeap = value;
            return this;
        }

        public Spec classPath(String value) {
            this.classPath = value;
            return this;
        }

        public Spec jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Spec serverArgs(String... args) {
            serverArgs.addAll(List.of(args));
            return this;
        }

        public Spec dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Spec log(Path file) {
            this.log = file;
            return this;
        }

        public Spec demo(boolean value) {
            this.demo = value;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Spec port(int value) {
            this.port = value;
            return this;
        }
    }

    public static ServerProcess start(Spec spec) throws IOException {
        int port = spec.port > 0 ? spec.port : freePort();
        Path dataDir = spec.dataDir != null ? spec.dataDir : Files.createTempDirectory("admitone-bench-data");
        Path log = spec.log != null ? spec.log : dataDir.resolve("server.log");
        Files.createDirectories(log.toAbsolutePath().getParent());

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + spec.maxHeap);
        cmd.addAll(spec.jvmOptions);
        cmd.add("-cp");
        cmd.add(spec.classPath);
        cmd.add(MAIN_CLASS);
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        cmd.add("--data");
        cmd.add(dataDir.toString());
        if (spec.demo) {
            cmd.add("--demo");
        }
        cmd.addAll(spec.serverArgs);

        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // As the product's launchers start it (./admitone server, the admitone-server package, the container).
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        return new ServerProcess(process, port, log, cmd);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code GET /health} until it answers 200; fails early if the process dies. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue()
                        + " before it was healthy; last lines of " + log + ":\n" + logTail(40));
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout + " (last status "
                + lastStatus + "); last lines of " + log + ":\n" + logTail(40));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public List<String> command() {
        return List.copyOf(command);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
