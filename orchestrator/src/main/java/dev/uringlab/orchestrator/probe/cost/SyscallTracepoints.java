package dev.uringlab.orchestrator.probe.cost;

import dev.uringlab.analysis.report.SyscallTracepointFinding;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Probes attached to a syscalls:sys_enter_* / sys_exit_* or raw_syscalls tracepoint. Enabling one
 * sets the syscall-tracing flag on every task, so every syscall on the host takes the slow entry
 * and exit path: measured here +12 ns per getppid() of an unrelated task, and fio at QD 1 lost
 * about 6% of its IOPS to the io_uring_enter probe alone while BPF stats counted 244 ns per I/O.
 * The body is the catalog's bpftrace text for both backends; the BCC twins attach the same points
 * (BccScriptsTest), so one answer holds for either.
 */
public final class SyscallTracepoints {

    public static final String COUNT = SyscallTracepointFinding.COUNT;

    private static final Pattern SYSCALL_TRACEPOINT =
            Pattern.compile("\\b(raw_syscalls:sys_(enter|exit)\\b|syscalls:sys_(enter|exit)_)");

    private SyscallTracepoints() {
    }

    /** The ids of the available probes on a syscall tracepoint, in the given order. */
    public static List<String> probes(List<ResolvedProbe> probes) {
        return probes.stream().filter(p -> p.available() && SYSCALL_TRACEPOINT.matcher(p.body()).find())
                .map(ResolvedProbe::id).toList();
    }

    /**
     * {@code metrics} plus {@value #COUNT} (how many of the attached probes sit on a syscall
     * tracepoint, 0 included) and {@code bpf_<probe>_syscall_tracepoint} = 1 for each of them;
     * unchanged when no probe was attached. Independent of BPF stats: the cost exists whether or
     * not the kernel counts the programs' run time.
     */
    public static Map<String, Double> addTo(List<ResolvedProbe> attached, Map<String, Double> metrics) {
        if (attached == null || attached.stream().noneMatch(ResolvedProbe::available)) {
            return metrics;
        }
        List<String> traced = probes(attached);
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.put(COUNT, (double) traced.size());
        for (String id : traced) {
            out.put(ProbeCost.PREFIX + id + SyscallTracepointFinding.FLAG, 1.0);
        }
        return out;
    }
}
