package dev.uringlab.analysis.parse;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tool's whole latency histogram: bucket value in ns → I/Os in that bucket, as fio json+ prints
 * {@code clat_ns.bins}/{@code lat_ns.bins} and ringbench prints {@code latency_us.bins_ns}. A CDF
 * drawn from these is the real distribution; five percentiles are not.
 *
 * @param source what the bins are ("fio json+ lat_ns.bins"), for the figure's caption
 */
public record LatencyBins(String source, Map<Long, Long> binsNs) {

    public LatencyBins {
        binsNs = Collections.unmodifiableMap(new TreeMap<>(binsNs));
    }

    public long total() {
        long n = 0;
        for (long c : binsNs.values()) {
            n += c;
        }
        return n;
    }

    static void add(TreeMap<Long, Long> into, Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> bins) {
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : bins) {
            into.merge(Math.round(Double.parseDouble(e.getKey())), e.getValue().asLong(), Long::sum);
        }
    }
}
