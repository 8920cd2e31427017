package dev.uringlab.analysis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Normalized workload metrics, the same names whatever tool produced them. The unit is part
 * of the name ({@code clat_p99_us}, {@code bw_mb_s}, {@code usr_cpu_pct}) so that a CSV
 * column can never be read in the wrong unit — the thesis' spreadsheet mixed ns and µs.
 */
public final class Metrics {

    public static final String IOPS = "iops";
    public static final String BW_MB_S = "bw_mb_s";
    public static final String TOTAL_IOS = "total_ios";
    public static final String RUNTIME_S = "runtime_s";
    public static final String USR_CPU_PCT = "usr_cpu_pct";
    public static final String SYS_CPU_PCT = "sys_cpu_pct";
    public static final String CTX_SWITCHES = "ctx_switches";

    private final Map<String, Double> values;

    private Metrics(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Metrics of(Map<String, Double> values) {
        return new Metrics(values);
    }

    public static Metrics empty() {
        return new Metrics(Map.of());
    }

    public Map<String, Double> asMap() {
        return values;
    }

    public Optional<Double> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public double getOr(String name, double fallback) {
        Double v = values.get(name);
        return v == null ? fallback : v;
    }

    /** The unit encoded in a metric name's suffix; "" for plain counts. */
    public static String unitOf(String name) {
        if (name.endsWith("_us")) {
            return "us";
        }
        if (name.endsWith("_ns")) {
            return "ns";
        }
        if (name.endsWith("_mb_s")) {
            return "MB/s";
        }
        if (name.endsWith("_pct")) {
            return "%";
        }
        if (name.endsWith("_s")) {
            return "s";
        }
        if (name.equals(IOPS)) {
            return "IO/s";
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metrics m && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
