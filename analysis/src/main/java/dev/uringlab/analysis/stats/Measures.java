package dev.uringlab.analysis.stats;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names for everything a figure or table can show, the same as runs.csv's columns: a metric
 * ({@code iops}, {@code lat_p99_us}), a probe's total ({@code irq_per_cpu}), one key of it
 * ({@code irq_per_cpu[1]}), and either normalised per IO or per second ({@code _per_io},
 * {@code _per_s}) — raw counts of runs of different length or speed are not comparable.
 */
public final class Measures {

    public static final String PER_IO = "_per_io";
    public static final String PER_S = "_per_s";

    private Measures() {
    }

    /** The value for one run; NaN when the run does not have it (probe unavailable, metric absent). */
    public static double value(RunRecord run, String measure) {
        Double metric = run.metrics().get(measure);
        if (metric != null) {
            return metric;
        }
        if (measure.endsWith(PER_IO)) {
            double ios = run.metrics().getOrDefault(Metrics.TOTAL_IOS, Double.NaN);
            double count = count(run, measure.substring(0, measure.length() - PER_IO.length()));
            return ios > 0 ? count / ios : Double.NaN;
        }
        if (measure.endsWith(PER_S)) {
            double seconds = run.metrics().getOrDefault(Metrics.RUNTIME_S, run.workloadSeconds());
            double count = count(run, measure.substring(0, measure.length() - PER_S.length()));
            return seconds > 0 ? count / seconds : Double.NaN;
        }
        return count(run, measure);
    }

    /** A probe total or one key's count ({@code probe[key]}); NaN when the probe did not run. */
    static double count(RunRecord run, String probeOrKey) {
        int bracket = probeOrKey.indexOf('[');
        if (bracket > 0 && probeOrKey.endsWith("]")) {
            var counts = run.probeCounts().get(probeOrKey.substring(0, bracket));
            return counts == null ? Double.NaN : counts.getOrDefault(probeOrKey.substring(bracket + 1, probeOrKey.length() - 1), 0L);
        }
        return run.probeCounts().containsKey(probeOrKey) ? run.probeTotal(probeOrKey) : Double.NaN;
    }

    /** The measure with {@code _per_io} added, unless it is a metric (IOPS per IO means nothing). */
    public static String perIo(String measure, Collection<RunRecord> runs) {
        boolean isMetric = runs.stream().anyMatch(r -> r.metrics().containsKey(measure));
        return isMetric || measure.endsWith(PER_IO) ? measure : measure + PER_IO;
    }

    public static String unit(String measure) {
        if (measure.endsWith(PER_IO)) {
            return "events/IO";
        }
        if (measure.endsWith(PER_S)) {
            return "events/s";
        }
        if (isProbe(measure)) {
            return "events";
        }
        return Metrics.unitOf(measure);
    }

    /** "lat_p99_us" → "p99 latency (µs)", "kick_process_per_io" → "kick_process calls per I/O": one name table for figures, tables and findings. */
    public static String label(String measure) {
        if (measure.endsWith(PER_IO)) {
            return dev.uringlab.analysis.model.MeasureNames.name(measure.substring(0, measure.length() - PER_IO.length())) + " per I/O";
        }
        if (measure.endsWith(PER_S)) {
            return dev.uringlab.analysis.model.MeasureNames.name(measure.substring(0, measure.length() - PER_S.length())) + " per second";
        }
        String unit = dev.uringlab.analysis.model.MeasureNames.displayUnit(unit(measure));
        String name = dev.uringlab.analysis.model.MeasureNames.name(measure);
        return unit.isEmpty() || unit.equals("events") ? name : name + " (" + unit + ")";
    }

    /** The label without its unit: "p99 latency" (for a title whose axis already carries the unit). */
    public static String name(String measure) {
        String label = label(measure);
        int paren = label.lastIndexOf(" (");
        return paren > 0 && label.endsWith(")") ? label.substring(0, paren) : label;
    }

    /** Probe names are recognised by having no metric unit suffix and not being a fio count. */
    private static boolean isProbe(String measure) {
        return Metrics.unitOf(measure).isEmpty() && !Set.of(Metrics.TOTAL_IOS, Metrics.CTX_SWITCHES, "io_errors").contains(measure);
    }

    /** Probes that ran (not "unavailable") in at least one run, in first-seen order. */
    public static Set<String> measuredProbes(Collection<RunRecord> runs) {
        Set<String> probes = new LinkedHashSet<>();
        for (RunRecord run : runs) {
            probes.addAll(run.probeCounts().keySet());
        }
        return probes;
    }
}
