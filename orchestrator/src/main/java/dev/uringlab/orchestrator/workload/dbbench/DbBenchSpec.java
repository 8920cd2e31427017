package dev.uringlab.orchestrator.workload.dbbench;

import dev.uringlab.orchestrator.config.OptionRefusal;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.WorkloadOptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A db_bench run split the way it is cached: the flags that define the database (filled once per
 * distinct set, keyed by their hash) and the flags of the measured benchmark.
 *
 * @param fill    db_bench flags (without "--") that shape the database; also passed to the measured
 *                run where they matter for reading (num, key_size, ...)
 * @param measure the measured benchmark's own flags, in a stable order
 */
public record DbBenchSpec(String benchmark, String fillBenchmarks, Map<String, String> fill, Map<String, String> measure,
                          String dbDir, long timeoutSeconds) implements WorkloadOptions {

    /** Options that define the database: changing one means another fill. */
    public static final Map<String, Object> FILL_DEFAULTS = new LinkedHashMap<>();
    /** Options of the measured benchmark, passed as --name=value; null means db_bench's own default. */
    public static final Map<String, Object> MEASURE_DEFAULTS = new LinkedHashMap<>();
    /** Flags uringlab owns: the database location and its reuse. */
    public static final Set<String> OWNED = Set.of("db", "use_existing_db", "benchmarks");

    static {
        FILL_DEFAULTS.put("num", 1_000_000L);
        FILL_DEFAULTS.put("key_size", 16L);
        FILL_DEFAULTS.put("value_size", 100L);
        // none: value_size is then the size on disk, so "4k values" means 4 KiB reads.
        FILL_DEFAULTS.put("compression_type", "none");
        FILL_DEFAULTS.put("block_size", 4096L);
        FILL_DEFAULTS.put("bloom_bits", -1L);
        FILL_DEFAULTS.put("fill_seed", 1L);

        MEASURE_DEFAULTS.put("threads", 1L);
        MEASURE_DEFAULTS.put("duration", 10L);
        MEASURE_DEFAULTS.put("reads", null);
        MEASURE_DEFAULTS.put("batch_size", 1L);
        MEASURE_DEFAULTS.put("multiread_batched", false);
        MEASURE_DEFAULTS.put("multiread_stride", 0L);
        MEASURE_DEFAULTS.put("use_direct_reads", false);
        MEASURE_DEFAULTS.put("async_io", false);
        MEASURE_DEFAULTS.put("optimize_multiget_for_io", true);
        MEASURE_DEFAULTS.put("io_uring_enabled", true);
        MEASURE_DEFAULTS.put("cache_size", "8m");
        MEASURE_DEFAULTS.put("seed", null);
        MEASURE_DEFAULTS.put("statistics", true);
        MEASURE_DEFAULTS.put("histogram", true);
    }

    /** Keys with a meaning beyond a db_bench flag. */
    public static final Set<String> OWN_KEYS = Set.of("benchmark", "fill_benchmarks", "db_dir", "timeout", "extra");

    /** Validates {@code options} (plain values); throws IllegalArgumentException with one line naming the field. */
    public static DbBenchSpec from(Map<String, Object> options) {
        String benchmark = string(options.getOrDefault("benchmark", "multireadrandom"), "benchmark");
        if (!benchmark.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("workload.benchmark: '" + benchmark + "' is one db_bench benchmark, e.g. multireadrandom");
        }
        String fillBenchmarks = string(options.getOrDefault("fill_benchmarks", "fillrandom,compact"), "fill_benchmarks");
        Map<String, String> fill = new TreeMap<>();
        FILL_DEFAULTS.forEach((k, v) -> fill.put(k, flag(k, options.getOrDefault(k, v))));
        fill.put("fill_benchmarks", fillBenchmarks);
        Map<String, String> measure = new LinkedHashMap<>();
        MEASURE_DEFAULTS.forEach((k, v) -> {
            Object value = options.containsKey(k) ? options.get(k) : v;
            if (value != null) {
                measure.put(k, flag(k, value));
            }
        });
        for (String k : options.keySet()) {
            if (!FILL_DEFAULTS.containsKey(k) && !MEASURE_DEFAULTS.containsKey(k) && !OWN_KEYS.contains(k) && !k.equals("kind")) {
                throw new OptionRefusal(k, "workload: unknown db_bench option '" + k
                        + "' (put other db_bench flags under extra:)");
            }
        }
        if (options.get("extra") instanceof Map<?, ?> extra) {
            for (Map.Entry<?, ?> e : extra.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (OWNED.contains(k)) {
                    throw new IllegalArgumentException("workload.extra." + k + ": uringlab sets --" + k + " itself");
                }
                if (FILL_DEFAULTS.containsKey(k) || MEASURE_DEFAULTS.containsKey(k)) {
                    throw new IllegalArgumentException("workload.extra." + k + ": set it as workload." + k
                            + " (fill options must key the database cache)");
                }
                measure.put(k, String.valueOf(e.getValue()));
            }
        }
        if ("0".equals(measure.get("duration")) && !measure.containsKey("reads")) {
            throw new IllegalArgumentException("workload: db_bench needs duration > 0 or reads: to end");
        }
        Object dbDir = options.get("db_dir");
        if (dbDir != null && !(dbDir instanceof String s && s.startsWith("/"))) {
            throw new IllegalArgumentException("workload.db_dir: '" + dbDir + "' must be an absolute path");
        }
        long duration = Long.parseLong(measure.getOrDefault("duration", "0"));
        long timeout = options.get("timeout") instanceof Long t ? t : duration > 0 ? duration + 120 : 3600;
        return new DbBenchSpec(benchmark, fillBenchmarks, fill, measure, (String) dbDir, timeout);
    }

    /** The cache directory name for this fill: a hash of every fill flag, so any change refills. */
    public String fillKey() {
        StringBuilder text = new StringBuilder("db_bench-fill-v1");
        new TreeMap<>(fill).forEach((k, v) -> text.append('|').append(k).append('=').append(v));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "dbbench-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flags shared by fill and measured run (the key space and table format). */
    Map<String, String> shared() {
        Map<String, String> shared = new TreeMap<>(fill);
        shared.remove("fill_seed");
        shared.remove("fill_benchmarks");
        return shared;
    }

    private static String flag(String name, Object value) {
        if (name.equals("cache_size") && value instanceof String s) {
            long bytes = Sizes.parse(s);
            if (bytes < 0) {
                throw new IllegalArgumentException("workload.cache_size: '" + s + "' is not a size (e.g. 8m)");
            }
            return Long.toString(bytes);
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException("workload." + name + ": '" + value + "' is not a scalar");
    }

    private static String string(Object value, String field) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException("workload." + field + ": '" + value + "' must be a non-empty string");
    }
}
