package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.knob.BpfStatsKnob;
import dev.uringlab.orchestrator.host.knob.HostSession;
import dev.uringlab.orchestrator.plan.ExperimentPlan;

import java.io.PrintStream;

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
    }
}
