package com.admitone.bench.seatmap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code bench seatmap [OUTPUT.json]}: first paint and single-seat redraw of a 5,000-seat map, headless. */
@Command(name = "seatmap", mixinStandardHelpOptions = true,
        description = "Measures the seat map control at 5,000 seats (first paint, redraw after one seat changes); "
                + "writes benchmarks/results/seatmap.json. Run with -Xmx512m.")
public final class SeatMapCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "OUTPUT", description = "where to write the JSON (default: benchmarks/results/seatmap.json)")
    String output;

    @Option(names = "--no-warm-up", description = "Skip the warm-up the client does at its log-in screen: measures a "
            + "first paint on a JVM that has never drawn a seat map.")
    boolean noWarmUp;

    @Override
    public Integer call() throws Exception {
        SeatMapBench.run(output, !noWarmUp);
        return 0;
    }
}
