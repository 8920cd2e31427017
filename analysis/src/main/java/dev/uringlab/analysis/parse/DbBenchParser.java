package dev.uringlab.analysis.parse;

import dev.uringlab.analysis.model.Metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RocksDB db_bench (7.8) text output into the common metrics.
 *
 * <p>Units and meanings, because db_bench's own words are ambiguous:
 * <ul>
 * <li>{@code ops_per_sec}: db_bench "ops/sec" (not "ops_s": Metrics.unitOf would read a "_s" suffix as seconds) — operations are keys (a MultiGet of 8 keys is 8 ops).
 *     {@code iops} carries the same number so the default IOPS plots work for db_bench runs;
 *     the storage reads RocksDB issued are {@code sst_reads} (needs {@code --statistics}).</li>
 * <li>{@code total_ios} = {@code total_ops}, so runs.csv's "per IO" probe columns are per key.</li>
 * <li>{@code op_time_us}: db_bench "micros/op", thread time per key (elapsed × threads ÷ ops).</li>
 * <li>{@code bw_mb_s}: db_bench prints MiB/s (of found key+value bytes); converted to MB/s (10^6)
 *     like fio's, from a number db_bench rounds to 0.1 MiB/s.</li>
 * <li>{@code lat_*_us}: the {@code --histogram} of one benchmark call — for multireadrandom one
 *     MultiGet batch, not one key. P95 is not printed; it is computed from the buckets the way
 *     RocksDB's HistogramStat::Percentile does (so it equals the statistics' own P95).</li>
 * </ul>
 */
public final class DbBenchParser {

    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\S+)\\s+:\\s+([0-9.]+) micros/op (\\d+) ops/sec ([0-9.]+) seconds (\\d+) operations;(.*)$");
    private static final Pattern RATE = Pattern.compile("([0-9.]+) MB/s");
    private static final Pattern FOUND = Pattern.compile("\\((\\d+) of (\\d+) found\\)");
    private static final Pattern NUMBER_AFTER = Pattern.compile("(\\w[\\w.]*):\\s+(-?[0-9.]+(?:e[+-]?\\d+)?)");
    private static final Pattern BUCKET = Pattern.compile("^\\(\\s*([0-9.]+),\\s*([0-9.]+)\\s*]\\s+(\\d+)\\s");
    private static final Pattern TICKER = Pattern.compile("^rocksdb\\.(\\S+) COUNT : (\\d+)$");
    private static final Pattern HIST_STAT = Pattern.compile(
            "^rocksdb\\.(\\S+) P50 : ([0-9.]+) P95 : ([0-9.]+) P99 : ([0-9.]+) P100 : ([0-9.]+) COUNT : (\\d+) SUM : (\\d+)$");

    /** Statistics tickers worth a column: cache behaviour, storage reads, MultiGet and async I/O. */
    private static final Map<String, String> TICKERS = new LinkedHashMap<>();
    static {
        TICKERS.put("block.cache.miss", "block_cache_miss");
        TICKERS.put("block.cache.hit", "block_cache_hit");
        TICKERS.put("block.cache.data.miss", "block_cache_data_miss");
        TICKERS.put("block.cache.index.miss", "block_cache_index_miss");
        TICKERS.put("block.cache.filter.miss", "block_cache_filter_miss");
        TICKERS.put("bloom.filter.useful", "bloom_filter_useful");
        TICKERS.put("number.multiget.get", "multiget_calls");
        TICKERS.put("number.multiget.keys.read", "multiget_keys_read");
        TICKERS.put("number.multiget.keys.found", "multiget_keys_found");
        TICKERS.put("multiget.coroutine.count", "multiget_coroutines");
        TICKERS.put("read.async.micros", "read_async_total_us");
        TICKERS.put("async.read.error.count", "async_read_errors");
        TICKERS.put("no.file.opens", "file_opens");
    }

    private DbBenchParser() {
    }

    /**
     * Metrics of {@code benchmark} (e.g. "multireadrandom") from db_bench's stdout; the last run of
     * that benchmark counts when the list named it twice.
     */
    public static Metrics parse(String stdout, String benchmark, String source) throws ParseException {
        List<String> lines = stdout.lines().toList();
        int at = -1;
        Matcher summary = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SUMMARY.matcher(lines.get(i).strip());
            if (m.matches() && m.group(1).equals(benchmark)) {
                at = i;
                summary = m;
            }
        }
        if (summary == null) {
            throw ParseException.in(source, "no db_bench result line for '" + benchmark
                    + "' (expected '" + benchmark + " : ... micros/op ... ops/sec')");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double opsPerSec = Double.parseDouble(summary.group(3));
        m.put("ops_per_sec", opsPerSec);
        m.put(Metrics.IOPS, opsPerSec);
        m.put("op_time_us", Double.parseDouble(summary.group(2)));
        m.put(Metrics.RUNTIME_S, Double.parseDouble(summary.group(4)));
        double ops = Double.parseDouble(summary.group(5));
        m.put("total_ops", ops);
        m.put(Metrics.TOTAL_IOS, ops);
        String extra = summary.group(6);
        Matcher rate = RATE.matcher(extra);
        if (rate.find()) {
            m.put(Metrics.BW_MB_S, Double.parseDouble(rate.group(1)) * 1.048576);
        }
        Matcher found = FOUND.matcher(extra);
        if (found.find()) {
            m.put("keys_found", Double.parseDouble(found.group(1)));
        }
        int end = nextSummary(lines, at + 1);
        histogram(lines.subList(at + 1, end), m);
        statistics(lines.subList(at + 1, lines.size()), m);
        return Metrics.of(m);
    }

    private static int nextSummary(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (SUMMARY.matcher(lines.get(i).strip()).matches() || lines.get(i).startsWith("STATISTICS:")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The --histogram block ("Microseconds per read:") that follows the benchmark's result line. */
    private static void histogram(List<String> block, Map<String, Double> m) {
        Map<String, Double> fields = new LinkedHashMap<>();
        List<double[]> buckets = new ArrayList<>();
        boolean seen = false;
        for (String line : block) {
            if (line.startsWith("Microseconds per ")) {
                if (seen) {
                    break; // only the benchmark's own (first) histogram
                }
                seen = true;
                continue;
            }
            if (!seen) {
                continue;
            }
            Matcher b = BUCKET.matcher(line);
            if (b.find()) {
                buckets.add(new double[] {Double.parseDouble(b.group(1)), Double.parseDouble(b.group(2)),
                        Double.parseDouble(b.group(3))});
                continue;
            }
            if (line.startsWith("Count:") || line.startsWith("Min:") || line.startsWith("Percentiles:")) {
                Matcher f = NUMBER_AFTER.matcher(line);
                while (f.find()) {
                    fields.put(f.group(1), Double.parseDouble(f.group(2)));
                }
            }
        }
        if (!fields.containsKey("Count") || fields.get("Count") == 0) {
            return;
        }
        m.put("lat_count", fields.get("Count"));
        put(m, "lat_mean_us", fields.get("Average"));
        put(m, "lat_stdev_us", fields.get("StdDev"));
        put(m, "lat_min_us", fields.get("Min"));
        put(m, "lat_p50_us", fields.get("P50"));
        put(m, "lat_p75_us", fields.get("P75"));
        if (!buckets.isEmpty() && fields.containsKey("Min") && fields.containsKey("Max")) {
            m.put("lat_p95_us", percentile(buckets, 95, fields.get("Min"), fields.get("Max")));
        }
        put(m, "lat_p99_us", fields.get("P99"));
        put(m, "lat_p99_9_us", fields.get("P99.9"));
        put(m, "lat_p99_99_us", fields.get("P99.99"));
        put(m, "lat_max_us", fields.get("Max"));
    }

    /**
     * RocksDB's HistogramStat::Percentile over the printed buckets: linear within the bucket that
     * crosses the threshold, clamped to min/max. Empty buckets are not printed but carry no weight.
     */
    static double percentile(List<double[]> buckets, double p, double min, double max) {
        double total = buckets.stream().mapToDouble(b -> b[2]).sum();
        double threshold = total * p / 100.0;
        double cumulative = 0;
        for (double[] b : buckets) {
            double left = cumulative;
            cumulative += b[2];
            if (cumulative >= threshold) {
                double pos = b[2] == 0 ? 0 : (threshold - left) / b[2];
                double r = b[0] + (b[1] - b[0]) * pos;
                return Math.max(min, Math.min(max, r));
            }
        }
        return max;
    }

    /** The STATISTICS block of --statistics: chosen tickers, and SST read latency and count. */
    private static void statistics(List<String> lines, Map<String, Double> m) {
        boolean inStats = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("STATISTICS:")) {
                if (inStats) {
                    break;
                }
                inStats = true;
                continue;
            }
            if (!inStats) {
                continue;
            }
            Matcher t = TICKER.matcher(line);
            if (t.matches() && TICKERS.containsKey(t.group(1))) {
                m.put(TICKERS.get(t.group(1)), Double.parseDouble(t.group(2)));
                continue;
            }
            Matcher h = HIST_STAT.matcher(line);
            if (h.matches()) {
                double count = Double.parseDouble(h.group(6));
                double sum = Double.parseDouble(h.group(7));
                switch (h.group(1)) {
                    case "sst.read.micros" -> {
                        // Every block read from an SST file: the storage I/O under the benchmark.
                        m.put("sst_reads", count);
                        if (count > 0) {
                            m.put("sst_read_mean_us", sum / count);
                            m.put("sst_read_p50_us", Double.parseDouble(h.group(2)));
                            m.put("sst_read_p95_us", Double.parseDouble(h.group(3)));
                            m.put("sst_read_p99_us", Double.parseDouble(h.group(4)));
                            m.put("sst_read_max_us", Double.parseDouble(h.group(5)));
                        }
                    }
                    case "multiget.io.batch.size" -> {
                        // Reads MultiGet handed to one MultiRead call: >1 is where io_uring can batch.
                        if (count > 0) {
                            m.put("multiget_io_batch_mean", sum / count);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static void put(Map<String, Double> m, String key, Double value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
