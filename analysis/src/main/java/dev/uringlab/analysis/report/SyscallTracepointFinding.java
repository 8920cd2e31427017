package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Probes on a syscall tracepoint (syscalls:sys_* or raw_syscalls:*): while one is attached, the
 * kernel sets the syscall-trace flag on every task, so every syscall on the host takes the slow
 * entry and exit path. That cost lands on the workload's own syscalls, not in the BPF programs, so
 * the bpf_probe_* figures (BPF run-time stats) do not include it. A run records how many of its
 * probes sit on one ({@link #COUNT}) and which ({@code bpf_<probe>}{@link #FLAG} = 1), so the report
 * can say it from runs.csv or run.json alone.
 */
public final class SyscallTracepointFinding {

    public static final String COUNT = "bpf_probe_syscall_tracepoints";
    public static final String FLAG = "_syscall_tracepoint";
    private static final String PREFIX = "bpf_";

    private SyscallTracepointFinding() {
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        List<RunRecord> traced = runs.stream().filter(RunRecord::ok)
                .filter(r -> r.metrics().getOrDefault(COUNT, 0.0) > 0).toList();
        if (traced.isEmpty()) {
            return Optional.empty();
        }
        Set<String> probes = new LinkedHashSet<>();
        for (RunRecord r : traced) {
            r.metrics().forEach((k, v) -> {
                if (k.startsWith(PREFIX) && k.endsWith(FLAG) && v > 0) {
                    probes.add(k.substring(PREFIX.length(), k.length() - FLAG.length()));
                }
            });
        }
        long ok = runs.stream().filter(RunRecord::ok).count();
        String names = probes.isEmpty() ? "a probe" : String.join(", ", probes);
        String text = names + (probes.size() > 1 ? " sit" : " sits") + " on a syscall tracepoint (" + traced.size() + " of " + ok
                + " runs): while attached, every syscall of every task on the host takes the kernel's traced path, a cost"
                + " the probe-cost figures (bpf_probe_*, from BPF run-time stats) do not include, so they understate it;"
                + " uringlab overhead FILE measures it as IOPS lost with and without the probes";
        return Optional.of(new Finding(text, true));
    }
}
