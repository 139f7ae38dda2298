package com.admitone.bench.onsale;

import com.admitone.bench.common.RepoRoot;
import com.admitone.bench.common.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench onsale}: the on-sale load benchmark on SQLite, PostgreSQL or both. */
@Command(name = "onsale", mixinStandardHelpOptions = true,
        description = {
                "Opens one 800-seat performance to at least 1,000 concurrent buyers over HTTP (singles and groups",
                "of 2 to 6 sitting together), checks nothing was sold twice, and compares the sale rate with a",
                "raw JDBC floor. Writes benchmarks/results/onsale-<db>.json."})
public final class OnsaleCommand implements Callable<Integer> {

    public enum DbChoice { sqlite, postgresql, both }

    @Option(names = "--db", description = "sqlite, postgresql or both (default: ${DEFAULT-VALUE})")
    DbChoice db = DbChoice.both;

    @Option(names = "--buyers", description = "concurrent buyers (default: ${DEFAULT-VALUE})")
    int buyers = 1000;

    @Option(names = "--connections",
            description = "most sale requests in flight at once, i.e. open connections; buyers beyond wait for one, "
                    + "and choose their seats when they get it (default: ${DEFAULT-VALUE})")
    int connections = 64;

    @Option(names = "--seed", description = "random seed for party sizes and seat choice (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--warmup-buyers",
            description = "buyers in each untimed warm-up sale; 0 for none (default: ${DEFAULT-VALUE})")
    int warmupBuyers = 1000;

    @Option(names = "--warmup-sales",
            description = "at most this many untimed warm-up sales of other performances before the timed ones (default: ${DEFAULT-VALUE})")
    int warmupSales = 80;

    @Option(names = "--warmup-min-sales",
            description = "at least this many warm-up sales, however early the server's JIT settles (default: ${DEFAULT-VALUE})")
    int warmupMinSales = 10;

    @Option(names = "--jit-settled",
            description = "warm up until the server's JIT compiler threads spent less than this share of its CPU in each of "
                    + "the last two warm-up sales; 0: always --warmup-sales (default: ${DEFAULT-VALUE})")
    double jitSettled = 0.10;

    @Option(names = "--timed-sales",
            description = "timed sales, each of its own performance; sold_per_s is their median (default: ${DEFAULT-VALUE})")
    int timedSales = 5;

    @Option(names = "--refresh-ms",
            description = "refresh the shared seat-map snapshot this often during a sale, besides on demand; 0: only on demand (default: ${DEFAULT-VALUE})")
    long refreshMillis = 1000;

    @Option(names = "--timeout-s", description = "give up on a sale after this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds = 300;

    @Option(names = "--floor-rounds", description = "timed rounds of the JDBC floor (default: ${DEFAULT-VALUE})")
    int floorRounds = 5;

    @Option(names = "--server-xmx", description = "server heap limit (default: ${DEFAULT-VALUE})")
    String serverMaxHeap = "256m";

    @Option(names = "--server-jvm-opt", description = "extra JVM option for the server process (repeatable), e.g. -XX:StartFlightRecording=...")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--performance-id", description = "sell this performance instead of the first ON_SALE 800-seat one")
    Long performanceId;

    @Option(names = "--results-dir", description = "where to write the JSON (default: <repo>/benchmarks/results)")
    Path resultsDir;

    @Option(names = "--wait-quiet-s",
            description = "before the timed sale, wait up to this long for other work on the machine to stop (default: ${DEFAULT-VALUE})")
    long waitQuietSeconds = 0;

    @Option(names = "--keep-data", description = "keep the server's temporary data folder")
    boolean keepData;

    @Option(names = "--strict", description = "exit with 1 when a target is missed")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        if (buyers < 1 || floorRounds < 1) {
            throw new IllegalArgumentException("--buyers and --floor-rounds must be at least 1");
        }
        Path repo = RepoRoot.find();
        ResultWriter writer = new ResultWriter(resultsDir != null ? resultsDir : repo.resolve("benchmarks").resolve("results"));
        OnsaleBenchmark bench = new OnsaleBenchmark(new OnsaleBenchmark.Settings(buyers,
                Math.max(1, connections), seed, warmupBuyers, warmupSales, Math.min(warmupMinSales, warmupSales), jitSettled,
                refreshMillis,
                Duration.ofSeconds(timeoutSeconds), floorRounds, serverMaxHeap, serverJvmOptions, performanceId,
                repo.resolve("benchmarks").resolve("target").resolve("bench-logs"), keepData, waitQuietSeconds,
                Math.max(1, timedSales)));

        List<OnsaleBenchmark.Db> dbs = switch (db) {
            case sqlite -> List.of(OnsaleBenchmark.Db.SQLITE);
            case postgresql -> List.of(OnsaleBenchmark.Db.POSTGRESQL);
            case both -> List.of(OnsaleBenchmark.Db.SQLITE, OnsaleBenchmark.Db.POSTGRESQL);
        };
        boolean failed = false;
        boolean missed = false;
        List<Map<String, Object>> results = new ArrayList<>();
        for (OnsaleBenchmark.Db d : dbs) {
            Map<String, Object> result;
            try {
                result = bench.run(d);
            } catch (Exception e) {
                failed = true;
                System.err.println("[onsale] " + d.key + " failed: " + e);
                e.printStackTrace();
                result = new LinkedHashMap<>();
                result.put("db", d.key);
                result.put("error", e.toString());
                result.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            Path file = writer.write("onsale-" + d.key, result);
            results.add(result);
            print(result, file);
            missed |= Boolean.FALSE.equals(result.get("targets_met"));
        }
        if (results.size() > 1) {
            printSummary(results);
        }
        if (failed) {
            return 2;
        }
        return strict && missed ? 1 : 0;
    }

    private static final String[] SHOWN = {"seats", "sold", "oversold", "double_sold", "sold_per_s", "p50_ms",
            "p99_ms", "floor_sold_per_s", "ratio_to_floor", "server_peak_rss_mb", "buyers", "requests",
            "rejected_seat_taken", "orders", "seat_map_refreshes", "sale_window_s", "duration_s",
            "wire_p50_ms", "wire_p99_ms", "all_sold_exactly_once", "targets_met"};

    private static void print(Map<String, Object> r, Path file) {
        System.out.println();
        System.out.println("onsale " + r.get("db") + "  ->  " + file);
        if (r.containsKey("error")) {
            System.out.println("  error: " + r.get("error"));
            return;
        }
        for (String key : SHOWN) {
            System.out.printf("  %-24s %s%n", key, r.get(key));
        }
        Object missed = r.get("targets_missed");
        if (missed instanceof List<?> list && !list.isEmpty()) {
            System.out.println("  targets missed: " + list);
        }
        if (r.get("first_problem") != null) {
            System.out.println("  first problem: " + r.get("first_problem"));
        }
        System.out.flush();
    }

    private static void printSummary(List<Map<String, Object>> results) {
        System.out.println();
        System.out.printf("%-11s %5s %5s %8s %11s %10s %9s %9s %14s %9s %8s%n", "db", "seats", "sold", "oversold",
                "double_sold", "sold/s", "p50 ms", "p99 ms", "floor sold/s", "ratio", "RSS MB");
        for (Map<String, Object> r : results) {
            if (r.containsKey("error")) {
                System.out.printf("%-11s error: %s%n", r.get("db"), r.get("error"));
                continue;
            }
            System.out.printf("%-11s %5s %5s %8s %11s %10s %9s %9s %14s %9s %8s%n", r.get("db"), r.get("seats"),
                    r.get("sold"), r.get("oversold"), r.get("double_sold"), r.get("sold_per_s"), r.get("p50_ms"),
                    r.get("p99_ms"), r.get("floor_sold_per_s"), r.get("ratio_to_floor"), r.get("server_peak_rss_mb"));
        }
        System.out.flush();
    }
}
