package dev.uringlab.orchestrator.workload.dbbench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.uringlab.orchestrator.workload.command.CommandSpecTest.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbBenchSpecTest {

    @Test
    void benchmarkOptionsDoNotChangeTheFillButFillOptionsDo() {
        DbBenchSpec a = DbBenchSpec.from(options("num", 100000L, "batch_size", 8L, "use_direct_reads", true));
        DbBenchSpec b = DbBenchSpec.from(options("num", 100000L, "batch_size", 32L, "threads", 2L, "async_io", true));
        DbBenchSpec c = DbBenchSpec.from(options("num", 200000L));
        assertEquals(a.fillKey(), b.fillKey());
        assertNotEquals(a.fillKey(), c.fillKey());
        assertTrue(a.fillKey().matches("dbbench-[0-9a-f]{12}"), a.fillKey());
    }

    @Test
    void flagsWithDefaults() {
        DbBenchSpec s = DbBenchSpec.from(options("cache_size", "1m", "reads", 5000L, "duration", 0L,
                "extra", Map.of("verify_checksum", "false")));
        assertEquals("multireadrandom", s.benchmark());
        assertEquals("fillrandom,compact", s.fillBenchmarks());
        assertEquals("1048576", s.measure().get("cache_size"));
        assertEquals("5000", s.measure().get("reads"));
        assertEquals("true", s.measure().get("statistics"));
        assertEquals("false", s.measure().get("verify_checksum"));
        assertEquals("none", s.shared().get("compression_type"));
        assertTrue(!s.shared().containsKey("fill_seed") && !s.measure().containsKey("seed"), "seed only when set");
        assertEquals(3600, s.timeoutSeconds(), "a read-count run has no time bound of its own");
        assertEquals(130, DbBenchSpec.from(options("duration", 10L)).timeoutSeconds());
    }

    @Test
    void refusals() {
        assertEquals("workload.extra.db: uringlab sets --db itself", message(options("extra", Map.of("db", "/x"))));
        assertEquals("workload.extra.num: set it as workload.num (fill options must key the database cache)",
                message(options("extra", Map.of("num", "5"))));
        assertEquals("workload: unknown db_bench option 'batchsize' (put other db_bench flags under extra:)",
                message(options("batchsize", 8L)));
        assertEquals("workload: db_bench needs duration > 0 or reads: to end", message(options("duration", 0L)));
        assertEquals("workload.db_dir: 'rel' must be an absolute path", message(options("db_dir", "rel")));
    }

    private static String message(Map<String, Object> o) {
        return assertThrows(IllegalArgumentException.class, () -> DbBenchSpec.from(o)).getMessage();
    }
}
