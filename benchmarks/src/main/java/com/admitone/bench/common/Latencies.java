package com.admitone.bench.common;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from many threads and reports percentiles in milliseconds. */
public final class Latencies {
    private long[] values = new long[4096];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile ({@code p} in 0..100) in milliseconds; NaN when empty. */
    public synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))] / 1_000_000.0;
    }

    public synchronized double meanMs() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size / 1_000_000.0;
    }

    public synchronized double maxMs() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return size == 0 ? Double.NaN : max / 1_000_000.0;
    }
}
