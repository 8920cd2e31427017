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
 * The figures an experiment gets without a {@code plots:} section: IOPS, mean and p99 latency
 * vs the first swept axis; the change of IOPS vs the first configuration of the second axis;
 * every probe's events per IO as grouped bars on a log scale (counts span five decades); and
 * per-CPU bars for each probe keyed by CPU; and every per-iteration sample (stall latencies) as a scatter.
 */
public final class DefaultPlots {

    private DefaultPlots() {
    }

    public static List<PlotSpec> of(List<RunRecord> runs, Grouping grouping, Manifest manifest) {
        List<PlotSpec> specs = new ArrayList<>();
        String lat = has(runs, "lat_mean_us") ? "lat" : "clat";
        for (String y : List.of(Metrics.IOPS, lat + "_mean_us", lat + "_p99_us")) {
            if (has(runs, y)) {
                specs.add(PlotSpec.of(PlotType.LINE, y));
            }
        }
        if (grouping.axes().size() >= 2 && has(runs, Metrics.IOPS)) {
            specs.add(PlotSpec.of(PlotType.RELATIVE, Metrics.IOPS));
        }
        Set<String> probes = Measures.measuredProbes(runs);
        if (!probes.isEmpty()) {
            specs.add(new PlotSpec("probes-per-io", PlotType.BARS, List.copyOf(probes), null, null, null, true, true, null));
        }
        for (String probe : probes) {
            if (perCpu(probe, runs, manifest)) {
                specs.add(PlotSpec.of(PlotType.PER_CPU, probe).withPerIo(true));
            }
        }
        if (has(runs, lat + "_p99_us")) {
            specs.add(PlotSpec.of(PlotType.CDF, lat));
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
    static boolean perCpu(String probe, List<RunRecord> runs, Manifest manifest) {
        String meaning = manifest.probeMeanings().get(probe);
        boolean anyKey = false;
        for (RunRecord r : runs) {
            for (String key : r.probeCounts().getOrDefault(probe, Map.of()).keySet()) {
                anyKey = true;
                if (!key.matches("\\d{1,4}")) {
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
