package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code bcc} backend: {@link BccPreflight} before anything runs, then a {@link BccSession}. */
public record BccBackend(HostFs fs, String python) implements ProbeBackend {

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
    public ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout,
                              WorkloadScope scope)
            throws ToolException {
        Optional<String> problem = preflight();
        if (problem.isPresent()) {
            throw new ToolException(problem.get());
        }
        return BccSession.start(python, probes, irqs, runDir, attachTimeout, scope);
    }
}
