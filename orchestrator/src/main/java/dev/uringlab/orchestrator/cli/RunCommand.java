package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.run.RunOptions;
import dev.uringlab.orchestrator.run.SweepGuard;
import dev.uringlab.orchestrator.run.SweepRunner;
import dev.uringlab.orchestrator.run.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code uringlab run}: the sweep, for real. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run every experiment of the file: pinned workloads with probes attached.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiments;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--force", description = "Rerun runs that already finished (default: skip them and resume).")
    boolean force;

    @Option(names = "--probes-per-run", description = "Compile and attach the probes anew for every run instead of once"
            + " per experiment (whose runs read their counts as the difference of two SIGUSR1 dumps); each run then pays"
            + " the compile, attach and the kernel's detach, about 0.9 s on a 2-CPU VM.")
    boolean probesPerRun;

    @Option(names = "--runs", paramLabel = "RUN_ID", split = ",",
            description = "Only these runs (ids as `uringlab plan` prints them; comma-separated), e.g. one Slurm task's share.")
    java.util.Set<String> runs = new java.util.LinkedHashSet<>();

    @Option(names = "--fail-on", paramLabel = "VERDICT", converter = FailOnConverter.class, defaultValue = "never",
            description = "Exit 1 if an expect: claim gets this verdict: not-reproduced, inconclusive (or worse), never (default).")
    FailOn failOn = FailOn.NEVER;

    @Option(names = "--noisy-above", paramLabel = "PCT", defaultValue = "10",
            description = "Label a run noisy when other processes used more than PCT%% of one CPU while it ran"
                    + " (host_other_cpu_pct), or its disk moved more than PCT%% beyond the workload's own bytes"
                    + " (host_other_disk_pct; default: ${DEFAULT-VALUE}).")
    double noisyAbovePct = dev.uringlab.orchestrator.noise.NoisyHost.DEFAULT_THRESHOLD_PCT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        dev.uringlab.orchestrator.run.PhaseTimes.sinceProcessStart("command: process start to run");
        dev.uringlab.orchestrator.run.PhaseTimes.Lap lap = dev.uringlab.orchestrator.run.PhaseTimes.lap();
        Lab lab = Lab.open();
        PrintStream out = System.out;
        Plan plan = experiments.plan(lab, out::println);
        RunSelection.check(plan, runs);
        lap.mark("command: load + plan");
        Preflight preflight = Preflight.check(plan);
        lap.mark("command: preflight");
        SweepRunner runner = new SweepRunner(lab.fs, lab.planner()::plan, preflight.workloads(),
                preflight.probeBackends(), preflight.toolVersions());
        ExpectationsStep.store(plan, experiments.results);
        SweepSummary summary;
        RunOptions options = new RunOptions(experiments.results, force, out, probesPerRun, runs, noisyAbovePct);
        SweepGuard.OnLocked startProbes = new SweepGuard.OnLocked() {
            @Override
            public void start() {
                runner.startProbesEarly(plan, options);
            }

            @Override
            public void undo() {
                runner.stopEarlyProbes();
            }
        };
        try (SweepGuard guard = SweepGuard.begin(lab.fs, plan.experiments().stream()
                .map(e -> e.experiment().name()).toList(), experiments.results, out, startProbes)) {
            lap.mark("command: lock, probe start, leftovers, BPF scan");
            summary = runner.run(plan, options);
        }
        double overhead = summary.ok() + summary.failed() == 0 ? 0
                : (summary.wallSeconds() - summary.workloadSeconds()) / (summary.ok() + summary.failed());
        out.printf(Locale.ROOT, "done: %d ok, %d failed, %d skipped in %.1f s (workloads %.1f s, overhead %.2f s/run)%n",
                summary.ok(), summary.failed(), summary.skipped(), summary.wallSeconds(), summary.workloadSeconds(),
                overhead);
        if (dev.uringlab.orchestrator.run.PhaseTimes.wanted()) {
            dev.uringlab.orchestrator.run.PhaseTimes.print(out, summary.ok() + summary.failed());
        }
        java.util.List<java.util.Map<String, String>> verdicts = ExpectationsStep.collect(plan, experiments.results);
        ExpectationsStep.print(verdicts, out);
        return summary.failed() > 0 || failOn.fails(verdicts) ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
