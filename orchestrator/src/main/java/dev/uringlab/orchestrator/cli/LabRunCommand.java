package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.SweepSize;

import java.nio.file.Path;
import java.time.Duration;

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
        ExperimentFile loaded = experiments.load(Lab.open().probeIds());
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
        LabLauncher.Options options = lab.toOptions();
        if (lab.guest.guestTimeout == null) {
            options = options.withGuestTimeout(guestTimeout(loaded));
        }
        LabLauncher.Options chosen = options;
        return LabExits.run(() -> new LabLauncher(chosen, System.out).exec(argv));
    }

    /**
     * A bound for a wedged guest, not a schedule: a run's workload time is wall-clock bound in the
     * guest too, but TCG makes everything around it 10-50x slower, so the host's estimate three times
     * over, 20 s per run for the slow process starts and probe dumps around each workload, and half an
     * hour for the guest's JVM, probe compilation and report; never less than the default.
     */
    static Duration guestTimeout(ExperimentFile file) {
        double seconds = 1800;
        for (Experiment e : file.experiments()) {
            long runs = SweepSize.runs(e);
            seconds += runs * (3 * SweepSize.secondsPerRun(e) + 20);
        }
        return Duration.ofSeconds(Math.max(GuestOptions.DEFAULT_GUEST_TIMEOUT, (long) Math.min(seconds, 1e9)));
    }
}
