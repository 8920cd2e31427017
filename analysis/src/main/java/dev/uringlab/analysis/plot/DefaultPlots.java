package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.io.Manifest;
import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.stats.Measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures an experiment gets without a {@code plots:} section: IOPS vs the first swept axis,
 * and a row of panels IOPS | mean latency | p99; the change of IOPS vs the first configuration of the second axis;
 * every probe's events per I/O, one panel per probe on a log scale (counts span five decades);
 * the latency distribution and its tail (1 − CDF) from the runs' histograms; and
 * per-CPU bars for each probe keyed by CPU; and every per-iteration sample (stall latencies) as a scatter.
 */
public final class DefaultPlots {

    private DefaultPlots() {
    }

    public static List<PlotSpec> of(List<RunRecord> runs, Grouping grouping, Manifest manifest) {
        List<PlotSpec> specs = new ArrayList<>();
        String lat = has(runs, "lat_mean_us") ? "lat" : "clat";
        if (has(runs, Metrics.IOPS)) {
            specs.add(PlotSpec.of(PlotType.LINE, Metrics.IOPS));
        }
        List<String> row = List.of(Metrics.IOPS, lat + "_mean_us", lat + "_p99_us").stream().filter(y -> has(runs, y)).toList();
        if (row.size() > 1) {
            specs.add(new PlotSpec("panels-iops-latency", PlotType.PANELS, row, null, null, null, false, false, null));
        }
        if (grouping.axes().size() >= 2 && has(runs, Metrics.IOPS)) {
            specs.add(PlotSpec.of(PlotType.RELATIVE, Metrics.IOPS));
        }
        Set<String> probes = Measures.measuredProbes(runs);
        if (!probes.isEmpty()) {
            // One panel per probe, x = the first axis, a line per configuration of the rest: eight
            // probes × eight configurations as bars needed an eight-entry legend and a colour per bar.
            PlotType shape = grouping.axes().isEmpty() ? PlotType.BARS : PlotType.PANELS;
            specs.add(new PlotSpec("probes-per-io", shape, List.copyOf(probes), null, null, null, true, true, null));
        }
        for (String probe : probes) {
            if (perCpu(probe, runs, manifest)) {
                specs.add(PlotSpec.of(PlotType.PER_CPU, probe).withPerIo(true));
            }
        }
        if (has(runs, lat + "_p99_us")) {
            specs.add(PlotSpec.of(PlotType.CDF, lat));
            specs.add(PlotSpec.of(PlotType.CDF, lat).withLog(true).named("cdf-" + lat + "-tail"));
        }
        runs.stream().flatMap(r -> r.samples().keySet().stream()).distinct()
                .forEach(sample -> specs.add(PlotSpec.of(PlotType.SCATTER, sample)));
        return specs;
    }

    private static boolean has(List<RunRecord> runs, String metric) {
        return runs.stream().anyMatch(r -> r.metrics().containsKey(metric));
    }

    /**
     * A probe is per CPU when its catalog meaning says "by CPU", or, for imported runs without
     * a catalog, when every key is a small non-negative integer (a CPU number, not a flag word).
     */
    private static boolean isCpuNumber(String key) {
        if (key.isEmpty() || key.length() > 4) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean perCpu(String probe, List<RunRecord> runs, Manifest manifest) {
        String meaning = manifest.probeMeanings().get(probe);
        boolean anyKey = false;
        for (RunRecord r : runs) {
            for (String key : r.probeCounts().getOrDefault(probe, Map.of()).keySet()) {
                anyKey = true;
                if (!isCpuNumber(key)) {
                    return false;
                }
            }
        }
        if (!anyKey) {
            return false;
        }
        return meaning == null ? true : meaning.contains("by CPU") || meaning.contains("per CPU");
    }
}
