package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code uringlab lab run --topology P FILE}: {@code uringlab run FILE} inside a guest. The file
 * is checked on this host first, so a typo costs no boot; results land in --results here.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "run", description = "Run an experiment file inside a guest; results land in --results on this host, "
        + "labelled host.emulated.")
final class LabRunCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment file.")
    Path file;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Only these experiments.")
    List<String> only = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key in every experiment.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--force", description = "Rerun runs that already finished.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ExperimentOptions experiments = new ExperimentOptions();
        experiments.file = file;
        experiments.only = only;
        experiments.overrides = overrides;
        experiments.load(Lab.open().probeIds());
        List<String> argv = new ArrayList<>(List.of("uringlab", "run", file.toString(),
                "--results", lab.results.toAbsolutePath().toString()));
        for (String only : experiments.only) {
            argv.add("--only=" + only);
        }
        for (String set : experiments.overrides) {
            argv.add("--set=" + set);
        }
        if (force) {
            argv.add("--force");
        }
        if (verbose.verbose) {
            argv.add("-v");
        }
        return LabExits.run(() -> new LabLauncher(lab.toOptions(), System.out).exec(argv));
    }
}
