package dev.uringlab.analysis.parse;

import dev.uringlab.analysis.model.Metrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Goldens recorded from this project's ringbench (schema 1) on the 2-CPU lab VM, kernel 6.18. */
class RingbenchJsonParserTest {

    static String golden(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/ringbench/" + name);
    }

    @Test
    void throughputRunWithCoopTaskrunAndFixedFiles() throws Exception {
        Metrics m = RingbenchJsonParser.parse(golden("ringbench-1-throughput-coop-fixed.json"), "rb.json");
        Map<String, Double> v = m.asMap();
        assertEquals(40444.822, v.get("iops"));
        assertEquals(165.662, v.get("bw_mb_s"));
        assertEquals(98.789, v.get("lat_mean_us"));
        assertEquals(86.528, v.get("lat_p50_us"));
        assertEquals(370.688, v.get("lat_p99_us"));
        assertEquals(497.663, v.get("lat_p99_9_us"));
        assertEquals(2144.523, v.get("lat_max_us"));
        assertEquals(3.5, v.get("usr_cpu_pct"), 1e-9);
        assertEquals(32.0, v.get("sys_cpu_pct"), 1e-9);
        assertEquals(10108.0, v.get("ctx_switches"));
        assertEquals(40448.0, v.get("total_ios"));
        assertEquals(0.0, v.get("io_errors"));
        assertEquals(256.0, v.get("ring_flags_granted"), "COOP_TASKRUN as granted by the kernel");
        assertTrue(!v.containsKey("clat_mean_us"), "ringbench measures submit-to-completion only (lat)");
    }

    @Test
    void stallRunKeepsItsPerIterationLatencies() throws Exception {
        String json = golden("ringbench-1-stall-coop.json");
        Metrics m = RingbenchJsonParser.parse(json, "rb.json");
        assertEquals(5.0, m.asMap().get("total_ios"));
        assertEquals(0.0, m.asMap().get("stall_timeouts"));
        assertEquals(List.of(10126.224, 11986.047, 11988.699, 12034.071, 12001.156),
                RingbenchJsonParser.stallLatenciesUs(json, "rb.json"));
    }

    @Test
    void completionThreadRun() throws Exception {
        Metrics m = RingbenchJsonParser.parse(golden("ringbench-1-completion-thread.json"), "rb.json");
        assertEquals(35152.685, m.asMap().get("iops"));
        assertEquals(13219.0, m.asMap().get("ctx_switches"));
    }

    @Test
    void foreignOrMalformedOutputIsAOneLineError() {
        assertEquals("fio.json: not ringbench output (no \"tool\": \"ringbench\")",
                assertThrows(ParseException.class, () -> RingbenchJsonParser.parse("{\"fio version\": 1}", "fio.json"))
                        .getMessage());
        assertTrue(assertThrows(ParseException.class, () -> RingbenchJsonParser.parse("{", "rb.json"))
                .getMessage().startsWith("rb.json: not ringbench JSON"));
        assertTrue(assertThrows(ParseException.class,
                () -> RingbenchJsonParser.parse("{\"tool\":\"ringbench\",\"schema_version\":2}", "rb.json"))
                .getMessage().contains("schema_version 2 is not the supported 1"));
    }
}
