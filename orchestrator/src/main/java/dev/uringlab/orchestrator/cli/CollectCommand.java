package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.hosts.HostMerge;
import dev.uringlab.analysis.report.Report;
import dev.uringlab.analysis.report.ReportGenerator;
import dev.uringlab.orchestrator.slurm.SubmitLayout;
import dev.uringlab.orchestrator.slurm.Submission;
import dev.uringlab.orchestrator.slurm.TaskStatus;
import dev.uringlab.orchestrator.slurm.TaskStatuses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code uringlab collect DIR}: every host's results merged per experiment into DIR/collected/,
 * runs.csv with a host column and the report with host as a series; every failed task listed with
 * Slurm's reason and its log's tail, so a host is never silently missing.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "collect", description = "Merge the per-host results of a Slurm submission into DIR/collected/<experiment>/"
        + " (runs.csv with a host column, figures with host as a series, report.html).")
final class CollectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The results directory given to uringlab submit.")
    Path dir;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path root = dir.toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        List<String> hosts = SubmitLayout.hosts(root);
        List<String> experimentNames = TaskStatuses.experiments(root);
        Map<Submission, List<TaskStatus>> tasks = StatusCommand.load(root, false, out);
        if (experimentNames.isEmpty() && tasks.isEmpty()) {
            throw new dev.uringlab.orchestrator.config.ConfigException(root + ": no host results (hosts/*/<experiment>/runs)"
                    + " and no submissions here");
        }
        int problems = 0;
        for (String experiment : experimentNames) {
            List<HostMerge.HostDir> dirs = new ArrayList<>();
            for (String host : hosts) {
                Path d = SubmitLayout.hostsDir(root).resolve(host).resolve(experiment);
                if (Files.isDirectory(d.resolve("runs")) && hasRuns(d)) {
                    dirs.add(new HostMerge.HostDir(host, d));
                }
            }
            if (dirs.isEmpty()) {
                continue;
            }
            Path target = SubmitLayout.collectedDir(root).resolve(experiment);
            HostMerge.Merged merged = HostMerge.merge(dirs, target);
            Report report = ReportGenerator.render(target, DeclaredPlots.of(target));
            out.printf(Locale.ROOT, "%s: %d runs from %d host(s) (%s) -> %s, %s (%d figures)%n", experiment,
                    merged.runs(), merged.hosts().size(), String.join(", ", merged.hosts()),
                    target.resolve("runs.csv"), report.html(), report.figures());
            report.problems().forEach(p -> out.println("  figure problem: " + p));
            problems += report.problems().size();
            if (dirs.size() >= 2) {
                out.println("  compare two hosts: uringlab compare " + dirs.get(0).experimentDir() + " "
                        + dirs.get(1).experimentDir());
            }
        }
        int failed = 0;
        for (Map.Entry<Submission, List<TaskStatus>> e : tasks.entrySet()) {
            for (TaskStatus t : e.getValue()) {
                if (t.failed()) {
                    failed++;
                    out.printf("task %s (sub-%d, host %s) %s%s, %s runs done: %s%n", t.id(), e.getKey().number(),
                            t.host().isEmpty() ? "?" : t.host(), t.state(), t.exitCode().isEmpty() ? "" : " exit " + t.exitCode(),
                            t.done() + "/" + t.total(), t.reason().isEmpty() ? "(no reason given)" : t.reason());
                    out.println("  log " + t.log() + ": " + (t.logTail().isEmpty() ? "(empty)" : t.logTail()));
                } else if (!t.resumed() && !t.state().equals("COMPLETED")) {
                    out.printf("task %s (sub-%d) %s: its runs are not collected yet%n", t.id(), e.getKey().number(), t.state());
                }
            }
        }
        out.printf(Locale.ROOT, "collected in %.1f s%s%n", (System.nanoTime() - t0) / 1e9,
                failed == 0 ? "" : "; " + failed + " task(s) failed (above)");
        return failed > 0 || problems > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static boolean hasRuns(Path experimentDir) throws java.io.IOException {
        try (var entries = Files.list(experimentDir.resolve("runs"))) {
            return entries.anyMatch(p -> !p.getFileName().toString().startsWith(".")
                    && Files.isRegularFile(p.resolve("run.json")));
        }
    }
}
