package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.knob.BpfStatsKnob;
import dev.uringlab.orchestrator.host.knob.HostSession;
import dev.uringlab.orchestrator.host.knob.KnobContext;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.run.OverheadBench;
import dev.uringlab.orchestrator.run.SweepGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code uringlab overhead}: what the probes cost the workload, A/B, next to what the kernel says they cost. */
@Command(name = "overhead", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmark the probes' cost: for every run of the file, interleaved pairs of the workload with and"
                + " without its probes (alternating order), the median IOPS ratio with a bootstrap 95%% interval,"
                + " and the probes' own CPU time from the kernel's BPF run-time stats.")
final class OverheadCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiments;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "5",
            description = "A/B pairs per run (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Override
    public Integer call() throws Exception {
        if (pairs < 1) {
            throw new dev.uringlab.orchestrator.config.ConfigException("--pairs must be at least 1 (got " + pairs + ")");
        }
        Lab lab = Lab.open();
        Plan plan = experiments.plan(lab);
        Preflight preflight = Preflight.check(plan);
        PrintStream out = System.out;
        List<OverheadBench.Row> rows = new ArrayList<>();
        try (SweepGuard guard = SweepGuard.begin(lab.fs, plan.experiments().stream().map(e -> e.experiment().name()).toList(),
                experiments.results, out)) {
            for (ExperimentPlan e : plan.experiments()) {
                if (!e.hasAvailableProbes()) {
                    out.println(e.experiment().name() + ": no probe attaches on this host; nothing to compare");
                    continue;
                }
                Path dir = Files.createDirectories(experiments.results.resolve(e.experiment().name()).resolve("overhead"));
                try (HostSession host = HostSession.open(KnobContext.forHost(lab.fs), dir, System.err)) {
                    host.apply(new BpfStatsKnob(host.context()));
                    out.println(e.experiment().name() + ": " + e.runs().size() + " run(s) x " + pairs + " A/B pairs");
                    List<OverheadBench.Row> these = OverheadBench.measure(e, preflight.workloads().get(e.experiment().workload().kind()),
                            preflight.probeBackends().get(e.experiment().backend()), pairs, dir, out);
                    OverheadBench.writeCsv(these, dir.resolve("overhead.csv"));
                    out.println("results: " + dir.resolve("overhead.csv"));
                    rows.addAll(these);
                }
            }
        }
        out.print(OverheadBench.table(rows));
        return ExitCodes.OK;
    }
}
