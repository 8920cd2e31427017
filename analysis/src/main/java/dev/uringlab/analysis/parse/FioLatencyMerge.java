package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines one latency kind (clat or lat) over every job and direction that did IO.
 *
 * <p>Means are IO-weighted (by fio's sample count N), which is exact. Percentiles cannot be
 * averaged, so: with one contributor fio's own values are used; with several, fio's histogram
 * bins ({@code --output-format=json+}) are summed and walked exactly as fio's
 * calc_clat_percentiles does, which reproduces fio's numbers bit for bit (checked against the
 * goldens). Without bins, the maximum over contributors is taken: an upper bound that is
 * exact for identical jobs and honest (never optimistic) for a read/write mix.
 */
final class FioLatencyMerge {

    /** The percentiles we report, and the metric-name suffix of each. */
    static final double[] PERCENTILES = {50.0, 95.0, 99.0, 99.9};
    static final String[] SUFFIXES = {"p50", "p95", "p99", "p99_9"};

    private final String kind;
    private long samples;
    private double weightedMeanNs;
    private int contributors;
    private boolean allHaveBins = true;
    private final TreeMap<Long, Long> bins = new TreeMap<>();
    private final List<Map<Double, Double>> tables = new ArrayList<>();
    private boolean anyWithoutTable;

    FioLatencyMerge(String kind) {
        this.kind = kind;
    }

    /**
     * Adds one direction's latency object. {@code nsPerUnit} is 1 for fio 3.x ("clat_ns") and
     * 1000 for the pre-3.0 shape ("clat" in µs).
     */
    void add(JsonNode stats, double nsPerUnit) {
        long n = stats.path("N").asLong(0);
        if (n <= 0) {
            return;
        }
        contributors++;
        samples += n;
        weightedMeanNs += stats.path("mean").asDouble(0) * nsPerUnit * n;
        JsonNode binNode = stats.get("bins");
        if (binNode != null && binNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = binNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                long valueNs = Math.round(Double.parseDouble(e.getKey()) * nsPerUnit);
                bins.merge(valueNs, e.getValue().asLong(), Long::sum);
            }
        } else {
            allHaveBins = false;
        }
        JsonNode pct = stats.get("percentile");
        if (pct != null && pct.isObject()) {
            Map<Double, Double> table = new TreeMap<>();
            pct.fields().forEachRemaining(e ->
                    table.put(Double.parseDouble(e.getKey()), e.getValue().asDouble() * nsPerUnit));
            tables.add(table);
        } else {
            anyWithoutTable = true;
        }
    }

    /** Puts {kind}_mean_us and the percentile metrics that can be stated honestly. */
    void putInto(Map<String, Double> out) {
        if (contributors == 0) {
            return;
        }
        out.put(kind + "_mean_us", weightedMeanNs / samples / 1000.0);
        // fio prints percentiles only when asked (lat_percentiles=1 for "lat"); bins alone are
        // not a request for them, so a kind without any table reports no percentiles.
        if (anyWithoutTable) {
            return;
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            Double ns = percentileNs(PERCENTILES[i]);
            if (ns != null) {
                out.put(kind + "_" + SUFFIXES[i] + "_us", ns / 1000.0);
            }
        }
    }

    private Double percentileNs(double p) {
        if (contributors == 1) {
            return lookup(tables.get(0), p);
        }
        if (allHaveBins && !bins.isEmpty()) {
            return fromBins(p);
        }
        Double max = null;
        for (Map<Double, Double> table : tables) {
            Double v = lookup(table, p);
            if (v == null) {
                return null; // a custom percentile_list without this point: say nothing
            }
            max = max == null ? v : Math.max(max, v);
        }
        return max;
    }

    /** fio stat.c calc_clat_percentiles: first bin where the running count reaches p% of all. */
    private double fromBins(double p) {
        long total = 0;
        for (long c : bins.values()) {
            total += c;
        }
        double threshold = p / 100.0 * total;
        long running = 0;
        for (Map.Entry<Long, Long> e : bins.entrySet()) {
            running += e.getValue();
            if (running >= threshold) {
                return e.getKey();
            }
        }
        return bins.lastKey();
    }

    private static Double lookup(Map<Double, Double> table, double p) {
        for (Map.Entry<Double, Double> e : table.entrySet()) {
            if (Math.abs(e.getKey() - p) < 1e-6) {
                return e.getValue();
            }
        }
        return null;
    }
}
