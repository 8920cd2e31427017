package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.LabNeeds;
import dev.uringlab.orchestrator.lab.TopologyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code uringlab reproduce}: every claim file of a directory run on this host, one after the
 * other through {@code uringlab run}, and one summary of their verdicts (reproduce.md, reproduce.csv).
 * A claim file with a {@code lab:} key is measurable only in a lab guest: here it is listed as not
 * measurable with the reason, and {@code --lab PRESET} runs such files in one guest per preset.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "reproduce", description = "Run a directory of claim files (experiment files with expect:) and summarise"
        + " the verdicts: reproduced, not reproduced, inconclusive, not measurable here. Claim files with a lab: key"
        + " run only with --lab, in an emulated host.")
final class ReproduceCommand implements Callable<Integer> {

    static final String DEFAULT_RESULTS = "results/reproduce";
    static final String DEFAULT_LAB_RESULTS = "results/reproduce-lab";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "experiments/claims",
            description = "Directory of claim files, *.yaml (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results directory; the summary goes to DIR/reproduce.md (default: " + DEFAULT_RESULTS
                    + ", with --lab " + DEFAULT_LAB_RESULTS + ").")
    Path results;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key in every claim, e.g. --set repetitions=5 or --set workload.runtime=3.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Rerun runs that already finished (default: resume).")
    boolean force;

    @Option(names = "--fail-on", paramLabel = "VERDICT", converter = FailOnConverter.class, defaultValue = "never",
            description = "Exit 1 if a claim gets this verdict: not-reproduced, inconclusive (or worse), never (default).")
    FailOn failOn = FailOn.NEVER;

    @Option(names = "--lab", paramLabel = "PRESET", split = ",",
            description = "Run the claim files whose lab: names this preset in an emulated host (one guest boot per preset;"
                    + " thesis-in-small, one-queue, nvme-2node, or all: every preset the claims name). Other files are left out.")
    List<String> lab = new ArrayList<>();

    /** With --lab: how each guest boots. */
    @Mixin
    GuestOptions guest;

    /** Set by --lab for the reproduce that runs inside the guest: run that preset's files, with their setup. */
    @Option(names = "--in-lab", paramLabel = "PRESET", hidden = true)
    String inLab;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() throws Exception {
        List<Path> files = claimFiles();
        Map<Path, Optional<LabNeeds>> needs = new LinkedHashMap<>();
        for (Path file : files) {
            needs.put(file, LabNeeds.read(file, new LinkedHashSet<>(TopologyLoader.PRESETS)));
        }
        if (results == null) {
            results = Path.of(lab.isEmpty() ? DEFAULT_RESULTS : DEFAULT_LAB_RESULTS);
        }
        if (!lab.isEmpty()) {
            return new ReproduceLab(this).run(needs);
        }
        PrintStream out = System.out;
        Lab host = Lab.open();
        String hostName = ReproduceSummary.host(host.fs);
        long start = System.nanoTime();
        List<ReproduceSummary.Row> rows = new ArrayList<>();
        boolean runFailed = false;
        for (Path file : files) {
            Optional<LabNeeds> need = needs.get(file);
            if (inLab == null && need.isPresent()) {
                out.println("== " + file + ": not measurable here, " + need.get().reason());
                rows.addAll(ReproduceSummary.notMeasurable(claims(host, file), hostName, need.get().reason()));
                continue;
            }
            if (inLab != null && (need.isEmpty() || !need.get().preset().equals(inLab))) {
                continue; // another preset's file, or one for the host outside: not this guest's
            }
            out.println("== " + file);
            long t0 = System.nanoTime();
            if (need.isPresent()) {
                Optional<String> failed = GuestSetup.run(need.get(), out);
                if (failed.isPresent()) {
                    rows.addAll(ReproduceSummary.notMeasurable(claims(host, file), hostName, failed.get()));
                    continue;
                }
            }
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
            double seconds = (System.nanoTime() - t0) / 1e9;
            verdictsOf(host, file).forEach(v -> rows.add(ReproduceSummary.Row.of(v, hostName, seconds)));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(results);
        ReproduceSummary.write(results, rows, wall);
        out.print(ReproduceSummary.markdown(rows, wall));
        out.printf(Locale.ROOT, "summary: %s (%d claims from %d files in %.0f s)%n", results.resolve("reproduce.md"),
                rows.size(), files.size(), wall);
        return exitCode(rows, runFailed);
    }

    int exitCode(List<ReproduceSummary.Row> rows, boolean runFailed) {
        List<Map<String, String>> verdicts = rows.stream().map(r -> Map.of("verdict", r.verdict())).toList();
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

    private ExperimentFile load(Lab host, Path file) throws ConfigException {
        ExperimentOptions options = new ExperimentOptions();
        options.file = file;
        options.results = results;
        options.overrides = overrides;
        return options.load(host.probeIds());
    }

    /** A file's claims, read (and checked) without planning: its target may exist only in a guest. */
    private List<dev.uringlab.analysis.verdict.Expectation> claims(Lab host, Path file) throws ConfigException {
        ExperimentFile loaded = load(host, file);
        List<dev.uringlab.analysis.verdict.Expectation> claims = new ArrayList<>();
        for (Experiment e : loaded.experiments()) {
            claims.addAll(loaded.expectationsOf(e.name()));
        }
        return claims;
    }

    private List<Map<String, String>> verdictsOf(Lab host, Path file) throws Exception {
        return ExpectationsStep.collect(host.planner().plan(load(host, file)), results);
    }
}
