package dev.uringlab.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of one render went, phase by phase, so that `bench-plot` can print a profile
 * rather than one number. Phases run on several threads (figures) add up their threads' time.
 */
public final class Phases {

    /** One phase: its name, seconds, and whether it is CPU time of threads (added up) inside a parallel phase. */
    public record Phase(String name, double seconds, boolean summedOverThreads) {
    }

    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private final Map<String, Boolean> summed = new LinkedHashMap<>();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * This thread's CPU time in ns: the phases that share the CPUs with others (figures beside the
     * tables) are measured in CPU time, which other load on the machine does not inflate.
     */
    public static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public interface Step<T> {
        T run() throws java.io.IOException;
    }

    public <T> T time(String name, Step<T> step) throws java.io.IOException {
        long t0 = System.nanoTime();
        try {
            return step.run();
        } finally {
            add(name, System.nanoTime() - t0, false);
        }
    }

    public synchronized void add(String name, long elapsed, boolean summedOverThreads) {
        nanos.computeIfAbsent(name, k -> new long[1])[0] += elapsed;
        summed.putIfAbsent(name, summedOverThreads);
    }

    public synchronized List<Phase> list() {
        List<Phase> list = new ArrayList<>();
        nanos.forEach((k, v) -> list.add(new Phase(k, v[0] / 1e9, summed.get(k))));
        return list;
    }
}
