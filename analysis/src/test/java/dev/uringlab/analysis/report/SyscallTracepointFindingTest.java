package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyscallTracepointFindingTest {

    private static RunRecord run(String id, String status, Map<String, Double> extra) {
        RunRecord base = ProbeCostFindingTest.costed(id, 1.0);
        Map<String, Double> metrics = new LinkedHashMap<>(base.metrics());
        metrics.remove("bpf_probe_syscall_tracepoints");
        metrics.remove("bpf_io_uring_enter_syscall_tracepoint");
        metrics.putAll(extra);
        return new RunRecord(base.experiment(), id, base.index(), base.repetition(), status, null, base.params(),
                base.cpuSet(), base.cpus(), base.target(), base.probeVariants(), metrics, base.probeCounts(),
                base.startedAt(), base.wallSeconds(), base.workloadSeconds(), base.host(), base.warnings(), Map.of());
    }

    @Test
    void namesTheProbesOnASyscallTracepointAndSaysTheCostFiguresUnderstateThem() {
        List<RunRecord> runs = List.of(
                run("a", RunRecord.OK, Map.of("bpf_probe_syscall_tracepoints", 1.0, "bpf_io_uring_enter_syscall_tracepoint", 1.0)),
                run("b", RunRecord.OK, Map.of("bpf_probe_syscall_tracepoints", 2.0, "bpf_io_uring_enter_syscall_tracepoint", 1.0,
                        "bpf_raw_enter_syscall_tracepoint", 1.0)),
                run("c", RunRecord.OK, Map.of("bpf_probe_syscall_tracepoints", 0.0)),
                run("d", RunRecord.FAILED, Map.of()));
        Finding f = SyscallTracepointFinding.of(runs).orElseThrow();
        assertEquals("io_uring_enter, raw_enter sit on a syscall tracepoint (2 of 3 runs): while attached, every syscall of"
                + " every task on the host takes the kernel's traced path, a cost the probe-cost figures (bpf_probe_*, from"
                + " BPF run-time stats) do not include, so they understate it; uringlab overhead FILE measures it as IOPS"
                + " lost with and without the probes", f.text());
        assertTrue(f.caution());
    }

    @Test
    void oneProbeIsSaidInTheSingular() {
        Finding f = SyscallTracepointFinding.of(List.of(run("a", RunRecord.OK,
                Map.of("bpf_probe_syscall_tracepoints", 1.0, "bpf_io_uring_enter_syscall_tracepoint", 1.0)))).orElseThrow();
        assertTrue(f.text().startsWith("io_uring_enter sits on a syscall tracepoint (1 of 1 runs)"), f.text());
    }

    @Test
    void noSyscallTracepointOrNoRecordSaysNothing() {
        assertTrue(SyscallTracepointFinding.of(List.of(run("c", RunRecord.OK, Map.of("bpf_probe_syscall_tracepoints", 0.0)))).isEmpty());
        assertTrue(SyscallTracepointFinding.of(List.of(RunsCsvWriterTest.okRun())).isEmpty());
        assertTrue(SyscallTracepointFinding.of(List.of(run("d", RunRecord.FAILED,
                Map.of("bpf_probe_syscall_tracepoints", 1.0, "bpf_io_uring_enter_syscall_tracepoint", 1.0)))).isEmpty());
    }

    @Test
    void theReportsFindingsCarryIt() {
        List<RunRecord> runs = List.of(ProbeCostFindingTest.costed("a", 1.0));
        assertEquals(1, Findings.of(dev.uringlab.analysis.stats.Grouping.of(runs, List.of()), runs).stream()
                .filter(f -> f.text().startsWith("io_uring_enter sits on a syscall tracepoint")).count());
    }
}
