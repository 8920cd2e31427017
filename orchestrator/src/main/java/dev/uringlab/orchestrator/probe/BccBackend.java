package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code bcc} backend: {@link BccPreflight} before anything runs, then the BCC runner. Within
 * an experiment the runner is compiled and attached once and each run reads the difference of two
 * SIGUSR1 dumps; outside one, and with probe_scope: workload (the program filters on each run's
 * cgroup), every run gets its own {@link BccSession}.
 */
public final class BccBackend extends SharedSlot.Backend {

    private final HostFs fs;
    private final String python;

    public BccBackend(HostFs fs, String python) {
        this.fs = fs;
        this.python = python;
    }

    /** Debian's interpreter: a python3 first on PATH (pyenv, venv) usually lacks the bcc module. */
    public static BccBackend system() {
        return new BccBackend(HostFs.real(), BccSession.DEFAULT_PYTHON);
    }

    @Override
    public String name() {
        return BCC;
    }

    @Override
    public Optional<String> preflight() {
        return BccPreflight.check(fs, python);
    }

    /** Refuses with the preflight line first: "python3-bpfcc not installed" beats a Python traceback. */
    @Override
    public ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
                                           Duration attachTimeout, WorkloadScope scope, boolean processWindow) throws ToolException {
        Optional<String> problem = preflight();
        if (problem.isPresent()) {
            throw new ToolException(problem.get());
        }
        if (!slot.inExperiment() || scope != null) {
            return BccSession.startOwn(python, probes, irqs, runDir, attachTimeout, scope);
        }
        Path dir = slot.experimentDir().resolve("bcc-session");
        List<String> command = BccSession.command(python, BccSession.sharedRunner(dir), probes, irqs, BccScripts.ids());
        SharedProbeProcess shared = slot.get(String.join(" ", command),
                experimentDir -> BccSession.startShared(command, dir, attachTimeout));
        return shared.runSession(runDir, processWindow);
    }
}
