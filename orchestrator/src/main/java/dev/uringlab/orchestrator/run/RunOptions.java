package dev.uringlab.orchestrator.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * How a sweep runs: where results go, whether finished runs are redone, where progress is printed,
 * whether every run attaches its own probe tool instead of sharing the experiment's one, and which
 * runs to do ({@code onlyRuns}: run ids; empty = all, e.g. one Slurm array task's share), and above
 * what share of a CPU taken by other processes a run is labelled noisy ({@code noisyAbovePct}).
 */
public record RunOptions(Path resultsRoot, boolean force, PrintStream out, boolean probesPerRun, Set<String> onlyRuns,
                         double noisyAbovePct) {

    public RunOptions {
        onlyRuns = Set.copyOf(onlyRuns);
    }

    public boolean selected(String runId) {
        return onlyRuns.isEmpty() || onlyRuns.contains(runId);
    }
}
