package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.analysis.model.Metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ringbench's JSON (schema_version 1) into the same normalized metrics as fio's, so runs of both
 * tools share columns. ringbench measures submit-to-completion, which is fio's "lat" (not clat).
 */
public final class RingbenchJsonParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SCHEMA = 1;

    private RingbenchJsonParser() {
    }

    public static Metrics parse(String json, String source) throws ParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ParseException.in(source, "not ringbench JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"ringbench".equals(root.path("tool").asText())) {
            throw ParseException.in(source, "not ringbench output (no \"tool\": \"ringbench\")");
        }
        if (root.path("schema_version").asInt() != SCHEMA) {
            throw ParseException.in(source, "ringbench schema_version " + root.path("schema_version").asText()
                    + " is not the supported " + SCHEMA + " (rebuild workloads/ringbench)");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.IOPS, number(root, source, "iops"));
        m.put(Metrics.BW_MB_S, number(root, source, "mb_s"));
        JsonNode lat = root.path("latency_us");
        for (String[] p : List.of(new String[] {"mean", "lat_mean_us"}, new String[] {"p50", "lat_p50_us"},
                new String[] {"p95", "lat_p95_us"}, new String[] {"p99", "lat_p99_us"},
                new String[] {"p99_9", "lat_p99_9_us"}, new String[] {"max", "lat_max_us"})) {
            if (lat.path(p[0]).isNumber()) {
                m.put(p[1], lat.path(p[0]).asDouble());
            }
        }
        double elapsed = number(root, source, "elapsed_s");
        JsonNode cpu = root.path("cpu");
        if (elapsed > 0 && cpu.path("usr_s").isNumber()) {
            // Percent of one CPU, as fio reports usr/sys.
            m.put(Metrics.USR_CPU_PCT, cpu.path("usr_s").asDouble() / elapsed * 100);
            m.put(Metrics.SYS_CPU_PCT, cpu.path("sys_s").asDouble() / elapsed * 100);
        }
        m.put(Metrics.CTX_SWITCHES, cpu.path("voluntary_ctxsw").asDouble() + cpu.path("involuntary_ctxsw").asDouble());
        m.put("voluntary_ctx_switches", cpu.path("voluntary_ctxsw").asDouble());
        m.put("involuntary_ctx_switches", cpu.path("involuntary_ctxsw").asDouble());
        m.put(Metrics.TOTAL_IOS, number(root, source, "total_ios"));
        m.put(Metrics.RUNTIME_S, elapsed);
        m.put("io_errors", number(root, source, "errors"));
        m.put("short_ios", root.path("short_reads").asDouble() + root.path("short_writes").asDouble());
        m.put("ring_flags_granted", root.path("ring").path("granted_flags").path("value").asDouble());
        JsonNode stall = root.path("stall");
        if (stall.isObject()) {
            m.put("stall_timeouts", stall.path("timeouts").asDouble());
        }
        return Metrics.of(m);
    }

    /** The per-iteration latencies of a stall run (empty for other modes). */
    public static List<Double> stallLatenciesUs(String json, String source) throws ParseException {
        try {
            JsonNode latencies = MAPPER.readTree(json).path("stall").path("latencies_us");
            return latencies.isArray() ? java.util.stream.StreamSupport.stream(latencies.spliterator(), false)
                    .map(JsonNode::asDouble).toList() : List.of();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ParseException.in(source, "not ringbench JSON: " + e.getOriginalMessage());
        }
    }

    /** The submit-to-completion histogram ({@code latency_us.bins_ns}); null for a ringbench that printed none. */
    public static LatencyBins latencyBins(String json, String source) throws ParseException {
        try {
            JsonNode bins = MAPPER.readTree(json).path("latency_us").path("bins_ns");
            if (!bins.isObject() || bins.isEmpty()) {
                return null;
            }
            java.util.TreeMap<Long, Long> out = new java.util.TreeMap<>();
            LatencyBins.add(out, bins::fields);
            return new LatencyBins("ringbench latency_us.bins_ns", out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ParseException.in(source, "not ringbench JSON: " + e.getOriginalMessage());
        }
    }

    private static double number(JsonNode root, String source, String field) throws ParseException {
        JsonNode v = root.path(field);
        if (!v.isNumber()) {
            throw ParseException.in(source, "ringbench output has no numeric \"" + field + "\"");
        }
        return v.asDouble();
    }
}
