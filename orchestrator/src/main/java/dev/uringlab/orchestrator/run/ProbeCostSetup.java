package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.knob.BpfStatsKnob;
import dev.uringlab.orchestrator.host.knob.HostSession;
import dev.uringlab.orchestrator.plan.ExperimentPlan;

import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/** The host side of per-run probe cost: BPF run-time stats on for experiments that attach probes. */
final class ProbeCostSetup {

    private ProbeCostSetup() {
    }

    private static final Pattern SYSCALL_TRACEPOINT = Pattern.compile("\\b(raw_syscalls:sys_(enter|exit)\\b|syscalls:sys_(enter|exit)_)");

    static boolean wanted(ExperimentPlan experiment) {
        return experiment.hasAvailableProbes();
    }

    /**
     * Journaled like any knob and restored when the experiment ends. A host that refuses (no such
     * sysctl, not root) still runs the sweep: the runs then have no probe-cost columns, and say why.
     */
    static void enableStats(ExperimentPlan experiment, HostSession host, PrintStream out) {
        if (!wanted(experiment)) {
            return;
        }
        try {
            host.apply(new BpfStatsKnob(host.context()));
        } catch (HostException e) {
            out.println("uringlab: probe cost not measured: " + e.getMessage());
        }
        List<String> syscallProbes = syscallTracepointProbes(experiment.probes());
        if (!syscallProbes.isEmpty()) {
            out.println("uringlab: " + String.join(", ", syscallProbes) + (syscallProbes.size() == 1 ? " attaches" : " attach")
                    + " a syscall tracepoint: while attached, every syscall of every task takes the kernel's traced"
                    + " path, a cost the probe-cost columns (BPF run-time stats) do not include; uringlab overhead FILE"
                    + " measures it as IOPS lost");
        }
    }

    /**
     * Probes attached to a syscalls:sys_enter_* / sys_exit_* or raw_syscalls tracepoint. Enabling one sets the
     * syscall-tracing flag on every task, so every syscall on the host takes the slow entry and
     * exit path: measured here +12 ns per getppid() of an unrelated task, and fio at QD 1 lost
     * about 6% of its IOPS to the io_uring_enter probe alone while BPF stats counted 244 ns per I/O.
     */
    static List<String> syscallTracepointProbes(List<ResolvedProbe> probes) {
        return probes.stream().filter(p -> p.available() && SYSCALL_TRACEPOINT.matcher(p.body()).find())
                .map(ResolvedProbe::id).toList();
    }
}
