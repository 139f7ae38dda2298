package com.admitone.bench;

import com.admitone.bench.common.Logging;
import com.admitone.bench.gate.GateBench;
import com.admitone.bench.onsale.OnsaleCommand;
import com.admitone.bench.reconcile.ReconcileCommand;
import com.admitone.bench.seatmap.SeatMapCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmarks' command line: {@code java -cp <benchmarks classpath> com.admitone.bench.BenchMain <benchmark> [options]}.
 * Each subcommand writes its figures to {@code benchmarks/results/<name>.json} and prints them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "AdmitOne end-to-end benchmarks.",
        subcommands = {OnsaleCommand.class, SeatMapCommand.class, GateBench.class, ReconcileCommand.class,
                CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    static {
        // java.net.http.HttpClient completes every async call through CompletableFuture's default pool.
        // On a two-core machine the common pool has parallelism 1, and CompletableFuture then starts a
        // new thread for every task: a thread per HTTP response, which costs the load driver more
        // than the request itself. Two workers keep the driver cheap. Must run before anything
        // touches CompletableFuture, hence here.
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null
                && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        }
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "show library logging")
    void verbose(boolean on) {
        Logging.quiet(on);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        Logging.quiet(false);
        int code = new CommandLine(new BenchMain()).execute(args);
        System.exit(code);
    }
}
