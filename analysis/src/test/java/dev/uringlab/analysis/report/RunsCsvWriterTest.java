package dev.uringlab.analysis.report;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seals the runs.csv and run.json formats: a change to either must change these goldens on purpose. */
class RunsCsvWriterTest {

    static RunRecord okRun() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("engine", "io_uring");
        params.put("iodepth", 16L);
        params.put("cpus", "non-irq");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("iops", 61234.5);
        metrics.put("clat_p99_us", 412.0);
        metrics.put("total_ios", 183703.0);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("irq_per_cpu", Map.of("1", 90210L));
        counts.put("ipi_by_callsite", new LinkedHashMap<>(Map.of("ttwu_queue_wakelist", 11003L, "task_work_add", 2L)));
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("irq_per_cpu", "tracepoint");
        variants.put("ipi_by_callsite", "tracepoint");
        variants.put("wake_up_state", "unavailable: needs kprobes");
        return new RunRecord("irq-locality", "iodepth-16_cpus-nonirq_r1_0123abcd", 6, 1, RunRecord.OK, null, params,
                "non-irq", "0", "scratch /var/tmp/uringlab/scratch.dat (1g)", variants, metrics, counts,
                "2026-11-23T12:00:00Z", 5.731, 3.012,
                hostState(),
                List.of("host changed during the run: IRQ 36 moved from CPU 1 to CPU 0"));
    }

    /** Ordered like HostSnapshot's maps, so the golden's key order is stable. */
    static Map<String, Object> hostState() {
        Map<String, Object> irq = new LinkedHashMap<>();
        irq.put("name", "virtio1-req.0");
        irq.put("effective_cpus", "1");
        Map<String, Object> irqs = new LinkedHashMap<>();
        irqs.put("36", irq);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("irqs", irqs);
        return host;
    }

    static RunRecord failedRun() {
        return new RunRecord("irq-locality", "iodepth-64_cpus-irq_r1_89abcdef", 7, 1, RunRecord.FAILED,
                "fio failed (exit 1): fio: io_u error on file /x: Invalid argument, \"quoted\"",
                Map.of("iodepth", 64L), "irq", "1", "scratch", Map.of(), Map.of(), Map.of(),
                "2026-11-23T12:00:09Z", 1.5, 0.25);
    }

    @Test
    void runsCsvMatchesGolden() throws IOException {
        assertEquals(golden("runs.csv"), RunsCsvWriter.write(List.of(okRun(), failedRun())));
    }

    @Test
    void runJsonMatchesGoldenAndRoundTrips() throws IOException {
        String json = RunRecordJson.write(okRun());
        assertEquals(golden("run.json"), json);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("run", ".json");
        try {
            java.nio.file.Files.writeString(tmp, json);
            RunRecord back = RunRecordJson.read(tmp);
            assertEquals(okRun().metrics(), back.metrics());
            assertEquals(okRun().probeCounts(), back.probeCounts());
            assertEquals(okRun().runId(), back.runId());
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }

    @Test
    void numbersAreStableAndCellsEscaped() {
        assertEquals("0.059896", RunsCsvWriter.number(11003.0 / 183703.0 + 0.0000004));
        assertEquals("12", RunsCsvWriter.number(12.0));
        assertEquals("\"a,\"\"b\"\"\",x\n", Csv.line(List.of("a,\"b\"", "x")));
        assertEquals(" a,,b c,\"two\nlines\"\n", Csv.line(List.of(" a", "", "b c", "two\nlines")), "quoted only when needed");
    }

    static String golden(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/golden/" + name);
    }
}
