package dev.uringlab.analysis.parse;

import dev.uringlab.analysis.model.Metrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Goldens recorded from Debian's db_bench 7.8.3 (see resources/db_bench/README.md). */
class DbBenchParserTest {

    static String golden(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/db_bench/" + name);
    }

    @Test
    void multireadrandomWithStatisticsAndHistogram() throws Exception {
        Map<String, Double> v = DbBenchParser.parse(golden("db_bench-7.8-multireadrandom-batched-direct-stats.txt"),
                "multireadrandom", "db_bench.stdout").asMap();
        assertEquals(51860.0, v.get("ops_per_sec"));
        assertEquals(51860.0, v.get("iops"), "iops mirrors ops/s so default plots work");
        assertEquals(19.278, v.get("op_time_us"));
        assertEquals(0.386, v.get("runtime_s"));
        assertEquals(20000.0, v.get("total_ops"));
        assertEquals(20000.0, v.get("total_ios"));
        assertEquals(3.6 * 1.048576, v.get("bw_mb_s"), 1e-9, "db_bench prints MiB/s");
        assertEquals(12594.0, v.get("keys_found"));
        assertEquals(2500.0, v.get("lat_count"), "one histogram sample per MultiGet batch of 8");
        assertEquals(154.7172, v.get("lat_mean_us"));
        assertEquals(9.0, v.get("lat_min_us"));
        assertEquals(14.43, v.get("lat_p50_us"));
        assertEquals(2321.05, v.get("lat_p99_us"));
        assertEquals(7425.00, v.get("lat_p99_9_us"));
        assertEquals(10987.0, v.get("lat_max_us"));
        // Not printed by --histogram: computed from the buckets, equal to the statistics' own P95.
        assertEquals(713.552632, v.get("lat_p95_us"), 1e-5);
        assertEquals(2226.0, v.get("block_cache_miss"));
        assertEquals(17745.0, v.get("block_cache_hit"));
        assertEquals(2500.0, v.get("multiget_calls"));
        assertEquals(12594.0, v.get("multiget_keys_found"));
        assertEquals(0.0, v.get("multiget_coroutines"));
        assertEquals(927.0, v.get("sst_reads"));
        assertEquals(333810.0 / 927, v.get("sst_read_mean_us"), 1e-9);
        assertEquals(1409.5, v.get("sst_read_p95_us"));
        assertEquals(2224.0 / 926, v.get("multiget_io_batch_mean"), 1e-9);
        for (String name : v.keySet()) {
            assertFalse(name.contains("."), "metric names are column names: " + name);
        }
    }

    @Test
    void twoThreadsForADurationWithoutStatistics() throws Exception {
        Map<String, Double> v = DbBenchParser.parse(golden("db_bench-7.8-multireadrandom-threads2-duration.txt"),
                "multireadrandom", "x").asMap();
        assertEquals(849525.0, v.get("iops"));
        assertEquals(850992.0, v.get("total_ops"));
        assertEquals(1.002, v.get("runtime_s"));
        assertEquals(212748.0, v.get("lat_count"));
        assertTrue(v.get("lat_p95_us") > v.get("lat_p75_us") && v.get("lat_p95_us") < v.get("lat_p99_us"), v.toString());
        assertFalse(v.containsKey("block_cache_miss"), "no --statistics, no ticker columns");
    }

    @Test
    void picksTheNamedBenchmarkOutOfSeveral() throws Exception {
        String out = golden("db_bench-7.8-fillrandom-compact.txt");
        Metrics fill = DbBenchParser.parse(out, "fillrandom", "fill.stdout");
        assertEquals(228224.0, fill.asMap().get("ops_per_sec"));
        assertEquals(25.2 * 1.048576, fill.asMap().get("bw_mb_s"), 1e-9);
        assertEquals(1.0, DbBenchParser.parse(out, "compact", "fill.stdout").asMap().get("total_ops"));
    }

    @Test
    void missingBenchmarkIsOneLineNamingTheFile() throws Exception {
        ParseException e = assertThrows(ParseException.class,
                () -> DbBenchParser.parse(golden("db_bench-7.8-fillrandom-compact.txt"), "multireadrandom", "run/db_bench.stdout"));
        assertTrue(e.getMessage().startsWith("run/db_bench.stdout: no db_bench result line for 'multireadrandom'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void percentileFollowsRocksDbInterpolation() {
        List<double[]> buckets = List.of(new double[] {6, 10, 207}, new double[] {10, 15, 1177},
                new double[] {15, 22, 1116});
        assertEquals(10 + 5 * (1250 - 207) / 1177.0, DbBenchParser.percentile(buckets, 50, 9, 20), 1e-9);
        assertEquals(20.0, DbBenchParser.percentile(buckets, 100, 9, 20), "clamped to max");
    }
}
