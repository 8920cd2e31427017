package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.ExperimentFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code uringlab reproduce}: every claim file of a directory run on this host, one after the
 * other through {@code uringlab run}, and one summary of their verdicts (reproduce.md, reproduce.csv).
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "reproduce", description = "Run a directory of claim files (experiment files with expect:) and summarise"
        + " the verdicts: reproduced, not reproduced, inconclusive, not measurable here.")
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "experiments/claims",
            description = "Directory of claim files, *.yaml (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results/reproduce",
            description = "Results directory; the summary goes to DIR/reproduce.md (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key in every claim, e.g. --set repetitions=5 or --set workload.runtime=3.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Rerun runs that already finished (default: resume).")
    boolean force;

    @Option(names = "--fail-on", paramLabel = "VERDICT", converter = FailOnConverter.class, defaultValue = "never",
            description = "Exit 1 if a claim gets this verdict: not-reproduced, inconclusive (or worse), never (default).")
    FailOn failOn = FailOn.NEVER;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() throws Exception {
        List<Path> files = claimFiles();
        PrintStream out = System.out;
        Lab lab = Lab.open();
        long start = System.nanoTime();
        List<ReproduceSummary.Row> rows = new ArrayList<>();
        boolean runFailed = false;
        for (Path file : files) {
            out.println("== " + file);
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--results", results.toString()));
            overrides.forEach(o -> args.addAll(List.of("--set", o)));
            if (force) {
                args.add("--force");
            }
            int code = Main.execute(args.toArray(String[]::new));
            if (code != ExitCodes.OK && code != ExitCodes.FAILURE) {
                // A claim file the host refuses outright (config, tool, privilege) ends the suite with its code.
                return code;
            }
            runFailed |= code == ExitCodes.FAILURE;
            rows.addAll(verdictsOf(lab, file));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String host = ReproduceSummary.host(lab.fs);
        Files.createDirectories(results);
        ReproduceSummary.write(results, rows, host, wall);
        out.print(ReproduceSummary.markdown(rows, host, wall));
        out.printf(Locale.ROOT, "summary: %s (%d claims from %d files in %.0f s)%n", results.resolve("reproduce.md"),
                rows.size(), files.size(), wall);
        List<Map<String, String>> verdicts = rows.stream().map(ReproduceSummary.Row::verdict).toList();
        return failOn.fails(verdicts) || runFailed && failOn != FailOn.NEVER ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private List<Path> claimFiles() throws ConfigException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": no such directory (pass a directory of claim files, e.g. experiments/claims)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            if (files.isEmpty()) {
                throw new ConfigException(dir + ": no *.yaml claim files");
            }
            return files;
        }
    }

    private List<ReproduceSummary.Row> verdictsOf(Lab lab, Path file) throws Exception {
        ExperimentOptions options = new ExperimentOptions();
        options.file = file;
        options.results = results;
        options.overrides = overrides;
        ExperimentFile loaded = options.load(lab.probeIds());
        List<ReproduceSummary.Row> rows = new ArrayList<>();
        ExpectationsStep.collect(lab.planner().plan(loaded), results)
                .forEach(v -> rows.add(new ReproduceSummary.Row(file, v)));
        return rows;
    }
}
