package dev.uringlab.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uringlab.orchestrator.probe.ResolvedProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which probes carry a cost BPF stats cannot see: a syscall tracepoint slows every syscall on the host. */
class ProbeCostSetupTest {

    private static ResolvedProbe probe(String id, String body) {
        return new ResolvedProbe(id, "tracepoint", "m", body, null);
    }

    @Test
    void syscallTracepointsOfEitherBackendAreNamedOthersAreNot() {
        List<ResolvedProbe> probes = List.of(
                probe("io_uring_enter", "tracepoint:syscalls:sys_enter_io_uring_enter\n{ @io_uring_enter[cpu] = count(); }"),
                probe("bcc_exit", "\"attach\": \"tracepoint:syscalls:sys_exit_read\","),
                probe("fget", "tracepoint:io_uring:io_uring_file_get { @fget[cpu] = count(); }"),
                probe("raw", "tracepoint:raw_syscalls:sys_enter { @[cpu] = count(); }"),
                probe("lookalike", "tracepoint:sched:sched_process_exec /comm == \"syscalls:sys\"/ { }"),
                new ResolvedProbe("gone", null, null, null, "kprobe: no kprobes"));
        assertEquals(List.of("io_uring_enter", "bcc_exit", "raw"), ProbeCostSetup.syscallTracepointProbes(probes));
    }
}
