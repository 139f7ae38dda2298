package com.admitone.bench;

import com.admitone.bench.gate.GateBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./admitone bench NAME}: runs one benchmark and writes {@code benchmarks/results/NAME.json}.
 * Each benchmark is a subcommand.
 */
@Command(name = "admitone bench", mixinStandardHelpOptions = true, subcommands = {GateBench.class},
        description = "Run one benchmark; results go to benchmarks/results/.")
public final class BenchMain implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
