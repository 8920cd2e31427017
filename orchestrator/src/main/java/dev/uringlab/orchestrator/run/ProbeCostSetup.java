package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.knob.BpfStatsKnob;
import dev.uringlab.orchestrator.host.knob.HostSession;
import dev.uringlab.orchestrator.plan.ExperimentPlan;

import dev.uringlab.orchestrator.probe.cost.SyscallTracepoints;

import java.io.PrintStream;
import java.util.List;

/** The host side of per-run probe cost: BPF run-time stats on for experiments that attach probes. */
final class ProbeCostSetup {

    private ProbeCostSetup() {
    }

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
        // Said once per experiment; each run records it too (SyscallTracepoints.addTo), and the report says it.
        List<String> syscallProbes = SyscallTracepoints.probes(experiment.probes());
        if (!syscallProbes.isEmpty()) {
            out.println("uringlab: " + String.join(", ", syscallProbes) + (syscallProbes.size() == 1 ? " attaches" : " attach")
                    + " a syscall tracepoint: while attached, every syscall of every task takes the kernel's traced"
                    + " path, a cost the probe-cost columns (BPF run-time stats) do not include; uringlab overhead FILE"
                    + " measures it as IOPS lost");
        }
    }
}
