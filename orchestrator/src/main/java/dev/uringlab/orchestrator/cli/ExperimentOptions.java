package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.SweepSize;
import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.config.SetOverride;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The options every command that reads an experiment file shares. */
final class ExperimentOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "experiments.yaml",
            description = "Experiment file (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Only these experiments (repeatable or comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key in every experiment, e.g. --set workload.runtime=2 or --set repetitions=3.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Results directory (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + SweepSize.DEFAULT_MAX_RUNS,
            description = "Refuse files asking for more runs than this (default: ${DEFAULT-VALUE}).")
    long maxRuns = SweepSize.DEFAULT_MAX_RUNS; // also when built without picocli (RunSelectionIT, ReproduceCommand)

    /** Loads and plans the file against the host; reads the host, changes nothing. */
    Plan plan(Lab lab) throws ConfigException, HostException {
        return plan(lab, size -> { });
    }

    /**
     * The same, telling {@code announce} the run count and estimated duration once the file is
     * counted and before it is planned: checking every combination of a huge sweep takes a while.
     */
    Plan plan(Lab lab, Consumer<String> announce) throws ConfigException, HostException {
        ExperimentFile file = load(lab.probeIds());
        SweepSize.check(file, maxRuns); // counted from the axes: nothing is planned for a refused file
        announce.accept(this.file + ": " + SweepSize.summary(file));
        return lab.planner().plan(file);
    }

    ExperimentFile load(Set<String> knownProbes) throws ConfigException {
        List<SetOverride> parsed = new ArrayList<>();
        for (String o : overrides) {
            parsed.add(SetOverride.parse(o));
        }
        return new ExperimentLoader(knownProbes, WorkloadKinds.BUILT_IN).load(file, parsed, only);
    }
}
