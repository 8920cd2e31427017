package dev.uringlab.orchestrator.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a sweep's time goes besides the workload, phase by phase, summed over its runs: the
 * figures the orchestration-overhead work starts from. Printed at the end of {@code uringlab run}
 * when URINGLAB_TIMING=1; always collected (a nanoTime pair per phase costs nothing measurable).
 */
public final class PhaseTimes {

    private static final Map<String, long[]> TOTALS = new LinkedHashMap<>();

    private PhaseTimes() {
    }

    /** A phase in progress; close it to add its duration to the phase's total. */
    public interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    /** Consecutive phases: each {@link Lap#mark} closes the phase that began at the previous mark. */
    public static final class Lap {
        private long last = System.nanoTime();

        public void mark(String phase) {
            long now = System.nanoTime();
            add(phase, now - last);
            last = now;
        }
    }

    public static Lap lap() {
        return new Lap();
    }

    /**
     * Adds the time from this process's start (launcher script included: it execs the JVM) to now
     * under {@code name}. From /proc/uptime and the process's start tick, both 10 ms clocks:
     * ProcessHandle's start instant goes through the boot time in whole seconds, up to 1 s off.
     */
    public static void sinceProcessStart(String name) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedS = Long.parseLong(f[19]) / 100.0;   // field 22, in USER_HZ (100 on Linux)
            double nowS = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"))
                    .split(" ")[0]);
            add(name, (long) ((nowS - startedS) * 1e9));
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux or an unreadable /proc: the phase is simply missing from the table
        }
    }

    public static Phase start(String name) {
        long t0 = System.nanoTime();
        return () -> add(name, System.nanoTime() - t0);
    }

    public static synchronized void add(String name, long nanos) {
        long[] t = TOTALS.computeIfAbsent(name, n -> new long[2]);
        t[0] += nanos;
        t[1]++;
    }

    public static synchronized Map<String, long[]> snapshot() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        TOTALS.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public static boolean wanted() {
        return "1".equals(System.getenv("URINGLAB_TIMING"));
    }

    /** One line per phase: total seconds, count, ms per run. */
    public static void print(PrintStream out, int runs) {
        out.println("time per phase (summed over the sweep; URINGLAB_TIMING=1):");
        snapshot().forEach((name, t) -> out.printf(Locale.ROOT, "  %-34s %8.3f s  %5d x  %7.1f ms/run%n", name, t[0] / 1e9,
                t[1], runs == 0 ? 0 : t[0] / 1e6 / runs));
    }
}
