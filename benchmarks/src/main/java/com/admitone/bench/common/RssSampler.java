package com.admitone.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident set of another process from {@code /proc/<pid>/status} (Linux): VmRSS
 * every {@code period}, and VmHWM, the kernel's own high-water mark, on every sample. The peak is
 * the larger of the two, so a spike between samples is still counted.
 */
public final class RssSampler implements AutoCloseable {
    private final Path status;
    private final long periodMillis;
    private final AtomicLong maxRssKb = new AtomicLong(-1);
    private final AtomicLong lastHwmKb = new AtomicLong(-1);
    private final AtomicLong lastRssKb = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private RssSampler(long pid, long periodMillis) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::loop, "rss-sampler-" + pid);
        this.thread.setDaemon(true);
    }

    public static RssSampler start(long pid, long periodMillis) {
        RssSampler sampler = new RssSampler(pid, periodMillis);
        sampler.sample();
        sampler.thread.start();
        return sampler;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes one sample now; call it once more just before the process is stopped. */
    public synchronized void sample() {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line);
                }
            }
            if (rss >= 0) {
                lastRssKb.set(rss);
                maxRssKb.accumulateAndGet(rss, Math::max);
            }
            if (hwm >= 0) {
                lastHwmKb.accumulateAndGet(hwm, Math::max);
            }
            samples.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            // the process is gone (or this is not Linux): keep what we have
        }
    }

    private static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
    }

    /** Peak resident set in MiB: max(VmHWM, max VmRSS sampled), or -1 if nothing could be read. */
    public double peakMb() {
        long kb = Math.max(maxRssKb.get(), lastHwmKb.get());
        return kb < 0 ? -1 : kb / 1024.0;
    }

    public double hwmMb() {
        return lastHwmKb.get() < 0 ? -1 : lastHwmKb.get() / 1024.0;
    }

    public double maxSampledRssMb() {
        return maxRssKb.get() < 0 ? -1 : maxRssKb.get() / 1024.0;
    }

    public double lastRssMb() {
        return lastRssKb.get() < 0 ? -1 : lastRssKb.get() / 1024.0;
    }

    public long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
