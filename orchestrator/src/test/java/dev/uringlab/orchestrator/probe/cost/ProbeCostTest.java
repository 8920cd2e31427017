package dev.uringlab.orchestrator.probe.cost;

import dev.uringlab.orchestrator.probe.ResolvedProbe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProbeCostTest {

    static ResolvedProbe probe(String id, String body) {
        return new ResolvedProbe(id, "tracepoint", "m", body, null);
    }

    static BpfProgramStats.Program prog(int id, long ns, long cnt) {
        return new BpfProgramStats.Program(id, ns, cnt);
    }

    @Test
    void attachPointsAreTheLastNameOfEachProbeSpec() {
        assertEquals(java.util.Set.of("ipi_send_cpu", "kick_process"), ProbeCost.attachPoints(
                "tracepoint:ipi:ipi_send_cpu /args->callback == 0/ { @x = count(); }\nkprobe:kick_process { }"));
    }

    @Test
    void runDeltasAreSplitEvenlyAmongProbesSharingAnAttachPoint() {
        List<ResolvedProbe> probes = List.of(
                probe("io_uring_enter", "tracepoint:syscalls:sys_enter_io_uring_enter { @a = count(); }"),
                probe("ipi_by_callsite", "tracepoint:ipi:ipi_send_cpu { @b = count(); }"),
                probe("kick_process", "tracepoint:ipi:ipi_send_cpu /args->callback == 0/ { @c = count(); }"),
                ResolvedProbe.unavailable("wake_up_state", "no kprobes"));
        // bpftrace: one program per probe, two on ipi_send_cpu; program 4 is its interval probe.
        Map<Integer, BpfProgramStats.Program> before = Map.of(1, prog(1, 1000, 10), 2, prog(2, 0, 0), 3, prog(3, 0, 0),
                4, prog(4, 0, 0));
        Map<Integer, BpfProgramStats.Program> after = Map.of(1, prog(1, 121000, 1010), 2, prog(2, 30000, 100),
                3, prog(3, 10000, 100), 4, prog(4, 500, 1));
        Map<Integer, String> points = Map.of(1, "sys_enter_io_uring_enter", 2, "ipi_send_cpu", 3, "ipi_send_cpu");
        ProbeCost.Result r = ProbeCost.between(before, after, points, probes);
        assertArrayEquals(new long[] {120000, 1000}, r.perProbe().get("io_uring_enter"));
        assertArrayEquals(new long[] {20000, 100}, r.perProbe().get("ipi_by_callsite"));
        assertArrayEquals(new long[] {20000, 100}, r.perProbe().get("kick_process"));
        assertFalse(r.perProbe().containsKey("wake_up_state"));
        assertEquals(160500, r.totalNs(), "the interval program counts in the total");

        Map<String, Double> cols = ProbeCost.columns(r, 500, 16_050_000, 32.1);
        assertEquals(0.1605, cols.get(ProbeCost.TOTAL_MS), 1e-9);
        assertEquals(321.0, cols.get(ProbeCost.NS_PER_IO), 1e-9);
        assertEquals(1.0, cols.get(ProbeCost.SHARE_PCT), 1e-9);
        assertEquals(1.0, cols.get(ProbeCost.LATENCY_SHARE_PCT), 1e-9, "321 ns per I/O of a 32.1 µs mean latency");
        assertEquals(120.0, cols.get("bpf_io_uring_enter_ns_per_event"), 1e-9);
        assertEquals(100.0, cols.get("bpf_kick_process_events"));
    }

    /** In an I/O-window run ring_flags counts over the process: its cost figures must too, not read 0 events. */
    @Test
    void setUpProbesTakeTheirFiguresFromTheProcessReadingsTheTotalsStayOnTheWindow() {
        ProbeCost.Result window = new ProbeCost.Result(Map.of("fget", new long[] {9000, 90}, "ring_flags", new long[] {0, 0}), 9500, 91);
        ProbeCost.Result process = new ProbeCost.Result(Map.of("fget", new long[] {9900, 99}, "ring_flags", new long[] {1140, 1}), 11500, 101);
        ProbeCost.Result r = window.withProbesFrom(process, java.util.Set.of("ring_flags", "absent"));
        assertArrayEquals(new long[] {1140, 1}, r.perProbe().get("ring_flags"));
        assertArrayEquals(new long[] {9000, 90}, r.perProbe().get("fget"));
        assertFalse(r.perProbe().containsKey("absent"));
        assertEquals(9500, r.totalNs());
        assertEquals(91, r.totalEvents());
    }

    @Test
    void unknownIosOrCpuLeaveThoseColumnsOut() {
        ProbeCost.Result r = new ProbeCost.Result(Map.of("p", new long[] {0, 0}), 10, 1);
        Map<String, Double> cols = ProbeCost.columns(r, 0, 0, 20.0);
        assertFalse(cols.containsKey(ProbeCost.NS_PER_IO));
        assertFalse(cols.containsKey(ProbeCost.SHARE_PCT));
        assertFalse(cols.containsKey(ProbeCost.LATENCY_SHARE_PCT), "no I/O count, no cost per I/O to compare");
        assertFalse(ProbeCost.columns(r, 10, 0, 0).containsKey(ProbeCost.LATENCY_SHARE_PCT), "no latency reported");
        assertFalse(cols.containsKey("bpf_p_ns_per_event"), "no event, no cost per event");
        assertEquals(0.0, cols.get("bpf_p_events"));
    }

    @Test
    void meanLatencyIsSubmissionToCompletionWhereKnownElseCompletionOnly() {
        assertEquals(31.5, ProbeCostMeter.meanLatencyUs(Map.of("lat_mean_us", 31.5, "clat_mean_us", 30.0)));
        assertEquals(30.0, ProbeCostMeter.meanLatencyUs(Map.of("clat_mean_us", 30.0)));
        assertEquals(0, ProbeCostMeter.meanLatencyUs(Map.of("iops", 1.0)));
    }

    @Test
    void workloadCpuIsFiosUsrPlusSysOverItsRuntime() {
        assertEquals(0.2 * 2e9, ProbeCostMeter.workloadCpuNs(Map.of("usr_cpu_pct", 5.0, "sys_cpu_pct", 15.0,
                "runtime_s", 2.0)), 1);
        assertEquals(0, ProbeCostMeter.workloadCpuNs(Map.of("iops", 1.0)));
    }
}
