package com.admitone.bench.reconcile;

import com.admitone.bench.common.RepoRoot;
import com.admitone.bench.common.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench reconcile}: devices coming back online push their offline work at once, on SQLite, PostgreSQL or both. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {
                "Enrols devices with their own ticket keys, gives each an allotment, and has each push 1,000 offline",
                "commands (allotment sales, provisional sales that collide across devices, refunds) concurrently in",
                "batches of 100 as the client's sync engine does; then checks no seat was sold twice and that pushing",
                "everything again changes nothing. Writes benchmarks/results/reconcile-<db>.json."})
public final class ReconcileCommand implements Callable<Integer> {

    public enum DbChoice { sqlite, postgresql, both }

    @Option(names = "--db", description = "sqlite, postgresql or both (default: ${DEFAULT-VALUE})")
    DbChoice db = DbChoice.both;

    @Option(names = "--devices", description = "devices pushing at once (default: ${DEFAULT-VALUE})")
    int devices = 10;

    @Option(names = "--commands", description = "offline commands per device (default: ${DEFAULT-VALUE})")
    int commands = 1000;

    @Option(names = "--batch", description = "commands per push, as the client's sync engine sends them (default: ${DEFAULT-VALUE})")
    int batch = 100;

    @Option(names = "--seed", description = "random seed for seat choice (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Option(names = "--warmup-commands",
            description = "offline commands per device pushed untimed on other performances first; 0 for none (default: ${DEFAULT-VALUE})")
    int warmupCommands = 1000;

    @Option(names = "--server-xmx", description = "server heap limit (default: ${DEFAULT-VALUE})")
    String serverMaxHeap = "256m";

    @Option(names = "--server-jvm-opt", description = "extra JVM option for the server process (repeatable), e.g. -XX:StartFlightRecording=...")
    List<String> serverJvmOptions = new java.util.ArrayList<>();

    @Option(names = "--results-dir", description = "where to write the JSON (default: <repo>/benchmarks/results)")
    Path resultsDir;

    @Option(names = "--strict", description = "exit with 1 when a target is missed")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || commands < 10 || batch < 1 || warmupCommands < 0) {
            throw new IllegalArgumentException("--devices >= 1, --commands >= 10, --batch >= 1");
        }
        Path repo = RepoRoot.find();
        ResultWriter writer = new ResultWriter(resultsDir != null ? resultsDir : repo.resolve("benchmarks").resolve("results"));
        ReconcileBenchmark bench = new ReconcileBenchmark(new ReconcileBenchmark.Settings(devices, commands, batch, seed, warmupCommands,
                serverMaxHeap, serverJvmOptions, repo.resolve("benchmarks").resolve("target").resolve("bench-logs")));
        List<ReconcileBenchmark.Db> dbs = switch (db) {
            case sqlite -> List.of(ReconcileBenchmark.Db.SQLITE);
            case postgresql -> List.of(ReconcileBenchmark.Db.POSTGRESQL);
            case both -> List.of(ReconcileBenchmark.Db.SQLITE, ReconcileBenchmark.Db.POSTGRESQL);
        };
        boolean failed = false;
        boolean missed = false;
        for (ReconcileBenchmark.Db d : dbs) {
            Map<String, Object> result;
            try {
                result = bench.run(d);
            } catch (Exception e) {
                failed = true;
                System.err.println("[reconcile] " + d.key + " failed: " + e);
                e.printStackTrace();
                result = new LinkedHashMap<>();
                result.put("db", d.key);
                result.put("error", e.toString());
                result.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            Path file = writer.write("reconcile-" + d.key, result);
            System.out.println();
            System.out.println("reconcile " + d.key + "  ->  " + file);
            result.forEach((k, v) -> {
                if (!(v instanceof Map<?, ?>) || k.equals("outcomes") || k.equals("rejected")) {
                    System.out.printf("  %-24s %s%n", k, v);
                }
            });
            missed |= Boolean.FALSE.equals(result.get("targets_met"));
        }
        if (failed) {
            return 2;
        }
        return strict && missed ? 1 : 0;
    }
}
