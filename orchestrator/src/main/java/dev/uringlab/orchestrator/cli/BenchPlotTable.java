package dev.uringlab.orchestrator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench-plot's report: what `plot` printed about itself (its phases, heap and RSS) with the wall
 * time measured from outside, as one table a reader can check the goals against without the code.
 */
final class BenchPlotTable {

    /** One timed `plot`: the wall time seen from outside and what the plot JVM reported. */
    record Measurement(double wallSeconds, List<String[]> phases, Map<String, String> values) {

        static Measurement parse(double wallSeconds, String output) {
            List<String[]> phases = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : output.lines().toList()) {
                if (line.startsWith("phase=")) {
                    phases.add(line.substring(6).split("\t"));
                } else if (line.matches("[a-z_]+=\\S+")) {
                    values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            return new Measurement(wallSeconds, phases, values);
        }

        double number(String key) {
            return Double.parseDouble(values.getOrDefault(key, "NaN"));
        }

        long rssKib() {
            return (long) number("peak_rss_kib");
        }
    }

    private BenchPlotTable() {
    }

    static String render(Measurement m, int runs, int metrics, String jvmOptions, double goalSeconds, long goalKib,
                         String load) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "bench-plot: `uringlab plot` of %,d synthetic runs x %d metrics, end to end in a fresh JVM%n",
                runs, metrics));
        s.append(String.format(Locale.ROOT, "  JVM options: %s; %d CPUs; load average at start: %s%n", jvmOptions,
                Runtime.getRuntime().availableProcessors(), load));
        s.append(String.format(Locale.ROOT, "  %-44s %8s  %s%n", "phase", "seconds", "how it is counted"));
        double jvmStart = m.number("jvm_start_ms") / 1000;
        row(s, "JVM start until plot's main()", jvmStart, "wall, in the plot JVM");
        double accounted = jvmStart;
        List<String[]> threads = m.phases().stream().filter(p -> p.length > 2 && p[2].equals("threads")).toList();
        for (String[] p : m.phases()) {
            if (threads.contains(p)) {
                continue;
            }
            double sec = Double.parseDouble(p[1]);
            row(s, p[0], sec, "wall");
            accounted += sec;
            if (p[0].startsWith("figures")) {
                // What ran in that wall time, in CPU seconds per part: where to cut next.
                for (String[] t : threads) {
                    row(s, "  " + t[0], Double.parseDouble(t[1]), "CPU s (threads added up; load does not inflate it)");
                }
            }
        }
        row(s, "everything else (JVM exit, printing, fork)", m.wallSeconds() - accounted, "wall: the total less the rows above");
        s.append(String.format(Locale.ROOT, "  %-44s %8.2f  goal < %.0f s: %s%n", "TOTAL wall, as a user waits for it",
                m.wallSeconds(), goalSeconds, m.wallSeconds() < goalSeconds ? "PASS" : "MISS"));
        row(s, "CPU time of the plot process", m.number("cpu_s"), "CPU s, all threads, JIT and GC included");
        s.append(String.format(Locale.ROOT, "  %-44s %8.0f  MiB of a %.0f MiB maximum heap (pool peaks added: an upper bound)%n",
                "peak heap in use", m.number("peak_heap_kib") / 1024, m.number("max_heap_kib") / 1024));
        s.append(String.format(Locale.ROOT, "  %-44s %8.0f  MiB, goal < %d MiB: %s%n", "peak RSS of the plot process",
                m.rssKib() / 1024.0, goalKib / 1024, m.rssKib() < goalKib ? "PASS" : "MISS"));
        return s.toString();
    }

    private static void row(StringBuilder s, String name, double seconds, String how) {
        s.append(String.format(Locale.ROOT, "  %-44s %8.2f  %s%n", name, seconds, how));
    }
}
