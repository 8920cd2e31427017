package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeCostFindingTest {

    /** Values of a real run (bpftrace 0.17, fio QD 16 on the IRQ CPU, Linux 6.18). */
    static RunRecord costed(String id, double share) {
        return costed(id, share, 0.4241307 * 100 / 24.3); // 424.1 ns of a 24.3 µs mean latency
    }

    static RunRecord costed(String id, double share, double latencyShare) {
        RunRecord base = RunsCsvWriterTest.okRun();
        Map<String, Double> metrics = new LinkedHashMap<>(base.metrics());
        metrics.put("lat_mean_us", 424.130749085169 / 1000 * 100 / latencyShare);
        metrics.put("bpf_probe_cpu_ms", 23.644441);
        metrics.put("bpf_probe_ns_per_io", 424.130749085169);
        metrics.put("bpf_probe_cpu_share_pct", share);
        metrics.put("bpf_probe_latency_share_pct", latencyShare);
        metrics.put("bpf_fget_events", 77295.0);
        metrics.put("bpf_fget_ns_per_event", 105.61562843650948);
        metrics.put("bpf_io_uring_enter_events", 86134.0);
        metrics.put("bpf_io_uring_enter_ns_per_event", 121.3213481319804);
        metrics.put("bpf_ring_flags_events", 3.0);
        metrics.put("bpf_ring_flags_ns_per_event", 1140.0);
        metrics.put("bpf_probe_syscall_tracepoints", 1.0);
        metrics.put("bpf_io_uring_enter_syscall_tracepoint", 1.0);
        return new RunRecord(base.experiment(), id, base.index(), base.repetition(), base.status(), null, base.params(),
                base.cpuSet(), base.cpus(), base.target(), base.probeVariants(), metrics, base.probeCounts(),
                base.startedAt(), base.wallSeconds(), base.workloadSeconds(), base.host(), base.warnings(), Map.of());
    }

    @Test
    void aCostAboveTwoPercentIsACautionNamingTheCostliestProbe() {
        Finding f = ProbeCostFinding.of(List.of(costed("a", 1.5), costed("b", 11.47214790662921))).orElseThrow();
        assertEquals("the probes cost up to 11.47% of the workload's CPU time (run b, 424.1 ns per I/O); costliest probe:"
                + " io_uring_enter 121.3 ns/event x 86134 events; see the bpf_* columns of runs.csv", f.text());
        assertTrue(f.caution());
    }

    @Test
    void aLatencyShareAboveTwoPercentIsACautionEvenWhenTheCpuShareIsLow() {
        Finding f = ProbeCostFinding.of(List.of(costed("a", 1.5, 1.0), costed("qd1", 1.9, 2.5))).orElseThrow();
        assertEquals("the probes cost up to 2.5% of the workload's mean latency (run qd1, 424.1 ns per I/O of a 16.97 µs"
                + " mean); costliest probe: io_uring_enter 121.3 ns/event x 86134 events; see the bpf_* columns of"
                + " runs.csv", f.text());
        assertTrue(f.caution());
    }

    @Test
    void bothSharesAboveTwoPercentAreBothNamedWithTheirOwnRuns() {
        Finding f = ProbeCostFinding.of(List.of(costed("cpu", 7.0, 0.5), costed("lat", 3.0, 4.0))).orElseThrow();
        assertEquals("the probes cost up to 7% of the workload's CPU time (run cpu, 424.1 ns per I/O) and up to 4% of its"
                + " mean latency (run lat, 424.1 ns per I/O of a 10.6 µs mean); costliest probe: io_uring_enter 121.3"
                + " ns/event x 86134 events; see the bpf_* columns of runs.csv", f.text());
    }

    @Test
    void belowTwoPercentOrUnmeasuredSaysNothing() {
        assertTrue(ProbeCostFinding.of(List.of(costed("a", 1.9, 1.9))).isEmpty());
        assertTrue(ProbeCostFinding.of(List.of(RunsCsvWriterTest.okRun())).isEmpty());
    }

    @Test
    void probeCostColumnsMatchGolden() throws java.io.IOException {
        assertEquals(RunsCsvWriterTest.golden("runs-probe-cost.csv"), RunsCsvWriter.write(List.of(costed("b", 11.47214790662921))));
    }
}
