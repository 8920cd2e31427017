package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Numbers;
import dev.uringlab.analysis.stats.Outliers;
import dev.uringlab.analysis.stats.RelativeChange;
import dev.uringlab.analysis.stats.Summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences a reader can check against the tables: for a sweep with two or more axes, each
 * configuration of the second axis vs its first value at every point of the first axis ("cpus=non-irq
 * vs cpus=irq at iodepth=16: −17.0% IOPS [−20.1, −13.9]; ipi_by_callsite 0.07/IO vs 0.00/IO"),
 * with a caution where the 95% intervals overlap or there is a single run; plus outliers and failures.
 */
public final class Findings {

    private static final int PROBES_PER_FINDING = 2;

    private Findings() {
    }

    public static List<Finding> of(Grouping grouping, List<RunRecord> runs) {
        List<Finding> findings = new ArrayList<>();
        List<String> axes = grouping.axes();
        if (axes.size() >= 2) {
            comparisons(grouping, runs, axes.get(0), axes.get(1), findings);
        } else if (axes.size() == 1) {
            peak(grouping, axes.get(0), findings);
        }
        outliers(grouping, findings);
        ProbeCostFinding.of(runs).ifPresent(findings::add);
        SyscallTracepointFinding.of(runs).ifPresent(findings::add);
        NoisyHostFinding.of(runs).ifPresent(findings::add);
        NoisyDiskFinding.of(runs).ifPresent(findings::add);
        long failed = runs.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            findings.add(new Finding(failed + " of " + runs.size() + " runs failed and are left out of every statistic; "
                    + "see the failed-runs table", true));
        }
        return findings;
    }

    private static void comparisons(Grouping grouping, List<RunRecord> runs, String x, String series, List<Finding> out) {
        List<Object> seriesValues = grouping.values(series);
        Object base = seriesValues.get(0);
        List<String> probes = List.copyOf(Measures.measuredProbes(runs));
        for (Object xv : grouping.values(x)) {
            for (Object sv : seriesValues.subList(1, seriesValues.size())) {
                Group a = grouping.find(Map.of(x, xv, series, base));
                Group b = grouping.find(Map.of(x, xv, series, sv));
                if (a == null || b == null) {
                    continue;
                }
                out.add(compare(a, b, series + "=" + sv + " vs " + series + "=" + base + " at " + x + "=" + xv, probes));
            }
        }
    }

    /** One sentence comparing group b with baseline a. */
    public static Finding compare(Group a, Group b, String subject, List<String> probes) {
        StringBuilder text = new StringBuilder(subject).append(": ");
        boolean caution = false;
        List<String> parts = new ArrayList<>();
        for (String m : List.of(Metrics.IOPS, "lat_mean_us", "lat_p99_us")) {
            Summary sa = a.summary(m);
            Summary sb = b.summary(m);
            if (sa.n() == 0 || sb.n() == 0) {
                continue;
            }
            RelativeChange rc = RelativeChange.of(sa, sb);
            String ci = Numbers.percentInterval(rc.ciLow(), rc.ciHigh());
            parts.add(Numbers.percent(rc.change()) + " " + Measures.name(m)
                    + (ci.isEmpty() ? "" : " " + ci));
            caution |= m.equals(Metrics.IOPS) && (rc.overlap() || !rc.hasInterval());
        }
        probes.stream()
                .map(p -> Map.entry(p, new double[] {a.summary(p + Measures.PER_IO).mean(), b.summary(p + Measures.PER_IO).mean()}))
                .filter(e -> !Double.isNaN(e.getValue()[0]) && !Double.isNaN(e.getValue()[1]))
                .sorted(Comparator.comparingDouble(e -> -Math.abs(e.getValue()[1] - e.getValue()[0])))
                .limit(PROBES_PER_FINDING)
                .forEach(e -> parts.add(e.getKey() + " " + perIo(e.getValue()[1]) + "/IO vs " + perIo(e.getValue()[0]) + "/IO"));
        text.append(String.join("; ", parts));
        Summary ia = a.summary(Metrics.IOPS);
        if (ia.n() > 0 && (!ia.hasInterval() || !b.summary(Metrics.IOPS).hasInterval())) {
            text.append(" (one run per configuration: no interval, repeat with --set repetitions=3 or more)");
        } else if (caution) {
            text.append(" (95% CIs of IOPS overlap: not an established difference)");
        }
        return new Finding(text.toString(), caution);
    }

    private static void peak(Grouping grouping, String x, List<Finding> out) {
        Group best = null;
        for (Group g : grouping.groups()) {
            if (best == null || g.summary(Metrics.IOPS).mean() > best.summary(Metrics.IOPS).mean()) {
                best = g;
            }
        }
        if (best != null && best.summary(Metrics.IOPS).n() > 0) {
            out.add(new Finding("highest IOPS at " + best.label() + ": " + Numbers.format(best.summary(Metrics.IOPS).mean()), false));
        }
    }

    private static void outliers(Grouping grouping, List<Finding> out) {
        Map<String, List<String>> flagged = new LinkedHashMap<>();
        for (Group g : grouping.groups()) {
            for (String m : List.of(Metrics.IOPS, "lat_mean_us", "lat_p99_us")) {
                boolean[] flags = Outliers.flag(g.values(m));
                for (int i = 0; i < flags.length; i++) {
                    if (flags[i]) {
                        flagged.computeIfAbsent(g.runs().get(i).runId(), k -> new ArrayList<>()).add(m);
                    }
                }
            }
        }
        flagged.forEach((run, measures) -> out.add(new Finding("run " + run + " is an outlier (MAD) in "
                + String.join(", ", measures) + "; kept in all statistics, look at its raw output", true)));
    }

    static String perIo(double v) {
        if (v == 0) {
            return "0.00";
        }
        return Math.abs(v) >= 0.01 ? String.format(Locale.ROOT, "%.2f", v) : new java.math.BigDecimal(v).round(new java.math.MathContext(2)).toPlainString();
    }
}
