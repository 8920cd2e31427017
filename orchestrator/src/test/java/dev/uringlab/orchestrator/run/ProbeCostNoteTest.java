package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbeCostNoteTest {

    private static RunRecord run(Map<String, Double> metrics) {
        return new RunRecord("e", "r", 1, 1, RunRecord.OK, null, Map.of(), "irq", "1", "t", Map.of(), metrics, Map.of(),
                "2026-11-28T18:00:00Z", 4.0, 3.0);
    }

    @Test
    void namesCpuAndLatencySharesAndTheCostliestProbe() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("bpf_probe_ns_per_io", 709.1);
        m.put("bpf_probe_cpu_share_pct", 8.795);
        m.put("bpf_probe_latency_share_pct", 0.93);
        m.put("bpf_io_uring_enter_events", 248472.0);
        m.put("bpf_io_uring_enter_ns_per_event", 119.2);
        assertEquals("  probes 709 ns/IO, 8.8% of workload CPU, 0.9% of mean latency (costliest io_uring_enter 119.2"
                + " ns/event x 248472 events)", ProbeCostNote.of(run(m)));
    }

    @Test
    void withoutCostColumnsNothingIsSaid() {
        assertEquals("", ProbeCostNote.of(run(Map.of("iops", 1.0))));
    }
}
