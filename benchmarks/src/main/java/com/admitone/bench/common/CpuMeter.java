package com.admitone.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time over an interval (Linux {@code /proc}): the whole machine's busy time, one watched
 * process's (the server), optionally a database server's process tree, and this process's (the
 * load driver). On a machine shared with other work, what is left over tells whether a result was
 * measured on a quiet machine.
 */
public final class CpuMeter {
    private static final double TICKS_PER_SECOND = clockTicks();

    /** CPU seconds at one instant; -1 for what could not be read. */
    public record Reading(long wallNanos, double machineBusy, double machineTotal, double process, double database,
                          double self, double compiler) {
    }

    /**
     * CPU seconds spent between two readings, and the wall-clock seconds between them.
     * {@code compiler} is the part of the watched process's that its JIT compiler threads spent.
     */
    public record Usage(double wall, double machineBusy, double machineCapacity, double process, double database,
                        double self, double compiler) {
        /** The JIT compilers' share of the watched process's CPU (0..1), or -1 if unknown. */
        public double compilerShare() {
            return compiler < 0 || process <= 0 ? -1 : compiler / process;
        }

        /** Busy CPU seconds of everything else on the machine. */
        public double others() {
            return machineBusy < 0 || process < 0 || self < 0 ? -1
                    : Math.max(0, machineBusy - process - Math.max(0, database) - self);
        }
    }

    private final long pid;
    private final ProcessHandle database;

    public CpuMeter(long pid) {
        this(pid, null);
    }

    /** @param database the root of a database server's process tree (its children's CPU counts too), or null */
    public CpuMeter(long pid, ProcessHandle database) {
        this.pid = pid;
        this.database = database;
    }

    /** The PostgreSQL postmaster listening on {@code port}, found among this machine's processes. */
    public static ProcessHandle postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String[] args = p.info().arguments().orElse(new String[0]);
                    boolean postgres = p.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
                    for (int i = 0; postgres && i + 1 < args.length; i++) {
                        if (args[i].equals("-p") && args[i + 1].equals(Integer.toString(port))) {
                            return true;
                        }
                    }
                    return false;
                })
                .findFirst().orElse(null);
    }

    public Reading read() {
        double busy = -1;
        double total = -1;
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long sum = 0;
            long idle = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                sum += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            busy = (sum - idle) / TICKS_PER_SECOND;
            total = sum / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new Reading(System.nanoTime(), busy, total, processSeconds(Long.toString(pid), false),
                treeSeconds(database), processSeconds("self", false), compilerSeconds(pid));
    }

    public static Usage between(Reading a, Reading b) {
        return new Usage((b.wallNanos() - a.wallNanos()) / 1e9,
                diff(a.machineBusy(), b.machineBusy()), diff(a.machineTotal(), b.machineTotal()),
                diff(a.process(), b.process()), diff(a.database(), b.database()), diff(a.self(), b.self()),
                diff(a.compiler(), b.compiler()));
    }

    /**
     * CPU seconds of a HotSpot JVM's JIT compiler threads (named "C1 CompilerThread0", "C2
     * CompilerThread0", ...; Linux truncates them to 15 characters), live ones only: HotSpot may
     * stop an idle extra compiler thread, so a difference can miss a little of its time.
     */
    static double compilerSeconds(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        double sum = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        sum += Math.max(0, processSeconds(Long.toString(pid) + "/task/" + task.getFileName(), false));
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A process's CPU plus its reaped children's, plus its live descendants'. */
    private static double treeSeconds(ProcessHandle root) {
        if (root == null) {
            return -1;
        }
        double sum = processSeconds(Long.toString(root.pid()), true);
        if (sum < 0) {
            return -1;
        }
        for (ProcessHandle child : root.descendants().toList()) {
            sum += Math.max(0, processSeconds(Long.toString(child.pid()), false));
        }
        return sum;
    }

    private static double diff(double a, double b) {
        return a < 0 || b < 0 ? -1 : b - a;
    }

    private static double processSeconds(String pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** The machine's busy share (0..1) over {@code millis}, to see whether something else is running. */
    public static double machineBusyShare(long millis) throws InterruptedException {
        CpuMeter meter = new CpuMeter(ProcessHandle.current().pid());
        Reading a = meter.read();
        Thread.sleep(millis);
        Usage u = between(a, meter.read());
        return u.machineCapacity() <= 0 ? -1 : u.machineBusy() / u.machineCapacity();
    }
}
