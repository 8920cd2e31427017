package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.analysis.model.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The summary statistics; running real processes is CommandWorkloadIT's. */
class CommandWorkloadTest {

    @Test
    void wallTimeStatsOverInvocations() {
        Map<String, Double> m = CommandWorkload.metrics(new double[] {400, 100, 300, 200}, List.of()).asMap();
        assertEquals(4.0, m.get("invocations_done"));
        assertEquals(250.0, m.get("wall_mean_us"));
        assertEquals(250.0, m.get("wall_p50_us"), "linear between closest ranks");
        assertEquals(397.0, m.get("wall_p99_us"), 1e-9);
        assertEquals(100.0, m.get("wall_min_us"));
        assertEquals(400.0, m.get("wall_max_us"));
        assertEquals(0.001, m.get("runtime_s"), 1e-12);
        assertEquals("us", Metrics.unitOf("wall_p99_us"));
    }

    @Test
    void parsedMetricsAreMeansWithTheirTailWhenInvokedOften() {
        Map<String, Double> many = CommandWorkload.metrics(new double[] {1, 1},
                List.of(Map.of("read_us", 10.0, "iops", 5.0), Map.of("read_us", 30.0, "iops", 7.0))).asMap();
        assertEquals(20.0, many.get("read_us"));
        assertEquals(30.0, many.get("read_max_us"));
        assertEquals(6.0, many.get("iops"));
        assertEquals(7.0, many.get("iops_max"));
        Map<String, Double> once = CommandWorkload.metrics(new double[] {1}, List.of(Map.of("iops", 5.0))).asMap();
        assertEquals(5.0, once.get("iops"));
        assertFalse(once.containsKey("iops_p50"), "no tail columns for a single invocation");
    }

    @Test
    void statNamesKeepTheUnitSuffixLast() {
        assertEquals("wall_p99_us", CommandStats.name("wall_us", "p99"));
        assertEquals("bw_max_mb_s", CommandStats.name("bw_mb_s", "max"));
        assertEquals("iops_p50", CommandStats.name("iops", "p50"));
        assertEquals(2.5, CommandStats.percentile(new double[] {4, 1, 3, 2}, 50));
    }
}
