package dev.uringlab.orchestrator.probe.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.uringlab.orchestrator.probe.ResolvedProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which probes carry a cost BPF stats cannot see: a syscall tracepoint slows every syscall on the host. */
class SyscallTracepointsTest {

    private static ResolvedProbe probe(String id, String body) {
        return new ResolvedProbe(id, "tracepoint", "m", body, null);
    }

    private static final ResolvedProbe ENTER =
            probe("io_uring_enter", "tracepoint:syscalls:sys_enter_io_uring_enter\n{ @io_uring_enter[cpu] = count(); }");
    private static final ResolvedProbe FGET = probe("fget", "tracepoint:io_uring:io_uring_file_get { @fget[cpu] = count(); }");

    @Test
    void syscallTracepointsOfEitherBackendAreNamedOthersAreNot() {
        List<ResolvedProbe> probes = List.of(
                ENTER,
                probe("bcc_exit", "\"attach\": \"tracepoint:syscalls:sys_exit_read\","),
                FGET,
                probe("raw", "tracepoint:raw_syscalls:sys_enter { @[cpu] = count(); }"),
                probe("lookalike", "tracepoint:sched:sched_process_exec /comm == \"syscalls:sys\"/ { }"),
                new ResolvedProbe("gone", null, null, null, "kprobe: no kprobes"));
        assertEquals(List.of("io_uring_enter", "bcc_exit", "raw"), SyscallTracepoints.probes(probes));
    }

    @Test
    void aRunRecordsHowManyAndWhichOfItsProbesSitOnASyscallTracepoint() {
        Map<String, Double> metrics = new LinkedHashMap<>(Map.of("iops", 1000.0));
        Map<String, Double> out = SyscallTracepoints.addTo(List.of(FGET, ENTER), metrics);
        assertEquals(Map.of("iops", 1000.0, "bpf_probe_syscall_tracepoints", 1.0, "bpf_io_uring_enter_syscall_tracepoint", 1.0), out);
    }

    @Test
    void probesOffSyscallTracepointsRecordAZeroAndNoProbesRecordNothing() {
        Map<String, Double> metrics = Map.of("iops", 1000.0);
        assertEquals(Map.of("iops", 1000.0, "bpf_probe_syscall_tracepoints", 0.0), SyscallTracepoints.addTo(List.of(FGET), metrics));
        assertSame(metrics, SyscallTracepoints.addTo(List.of(), metrics));
        assertSame(metrics, SyscallTracepoints.addTo(List.of(new ResolvedProbe("gone", null, null, null, "no")), metrics));
        assertSame(metrics, SyscallTracepoints.addTo(null, metrics));
    }
}
