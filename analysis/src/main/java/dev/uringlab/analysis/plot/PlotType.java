package dev.uringlab.analysis.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figure kinds, named as they are written under {@code plots:} in an experiment file. */
public enum PlotType {
    /** A measure vs a swept axis, one line per configuration, 95% CI error bars. */
    LINE,
    /** Grouped bars: x values (or several measures) as categories, one bar per configuration. */
    BARS,
    /** One bar per CPU key of a per-CPU probe (IRQs, IPIs, timer ticks per core). */
    PER_CPU,
    /** Change of each configuration vs a baseline configuration, in percent, with CI. */
    RELATIVE,
    /** Two measures of different units on a left and a right axis (throughput and a probe rate). */
    DUAL_AXIS,
    /** Every run as a point in execution order; outliers (MAD) drawn apart. */
    SCATTER,
    /** Latency distribution from whole histograms (fio json+, ringbench, a bpftrace hist); {@code log}: the tail, 1 − CDF. */
    CDF,
    /** A row of panels sharing x, one per y (IOPS | mean latency | p99), the same series in each. */
    PANELS,
    /** Events per I/O vs a swept axis, one line per case: every key of each probe (calls by return value) × series. */
    COUNTS,
    /** A measure vs a numeric parameter on a log x axis (think cycles 0, 100, 1000, …); 0 sits one decade left. */
    SWEEP;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for an experiment-file name ("per_cpu", "per-cpu", "dual_axis"); null when unknown. */
    public static PlotType parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(n)).findFirst().orElse(null);
    }

    /** "line, bars, per_cpu, …" for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(PlotType::yamlName).collect(Collectors.joining(", "));
    }
}
