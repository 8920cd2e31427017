package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ToolException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Probes as one merged bpftrace program ({@link BpftraceProgram}). Within an experiment
 * ({@link #beginExperiment}) the program is compiled and attached once and each run reads its
 * counts as the difference of two SIGUSR1 dumps ({@link LongLivedBpftrace}); outside one, and for
 * programs that differ per run (probe_scope: workload filters by the run's cgroup) or whose maps
 * do not subtract, each run starts and stops its own bpftrace ({@link BpftraceSession}).
 */
final class BpftraceBackend implements ProbeBackend {

    private final String binary;
    private Path experimentDir;
    private LongLivedBpftrace shared;

    BpftraceBackend(String binary) {
        this.binary = binary;
    }

    @Override
    public String name() {
        return BPFTRACE;
    }

    @Override
    public Optional<String> preflight() {
        return onPath(binary) ? Optional.empty() : Optional.of("bpftrace not installed: apt-get install bpftrace");
    }

    @Override
    public synchronized void beginExperiment(Path dir) {
        endExperiment();
        experimentDir = dir;
    }

    @Override
    public synchronized void endExperiment() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        experimentDir = null;
    }

    @Override
    public synchronized ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
                                           Duration attachTimeout, WorkloadScope scope) throws ToolException {
        if (scope != null) {
            probes = probes.stream().map(p -> p.available() && scope.taskProbes().contains(p.id())
                    ? new ResolvedProbe(p.id(), p.variant(), p.meaning(),
                            BpftraceProgram.scoped(p.body(), scope.bpftraceCondition()), null)
                    : p).toList();
        }
        Map<String, String> template = new HashMap<>();
        if (probes.stream().anyMatch(p -> p.available() && p.body().contains("{{" + BpftraceProgram.IRQS + "}}"))) {
            template.put(BpftraceProgram.IRQS, BpftraceProgram.irqFilter(irqs));
        }
        String program = BpftraceProgram.merge(probes, template);
        if (experimentDir != null && scope == null && LongLivedBpftrace.dumpsSubtract(program)) {
            return sharedSession(program, runDir, attachTimeout);
        }
        BpftraceSession session = BpftraceSession.start(binary, program, runDir, attachTimeout);
        return ProbeSession.of(session.pid(), session::stop, session::close);
    }

    private ProbeSession sharedSession(String program, Path runDir, Duration attachTimeout) throws ToolException {
        if (shared == null || !shared.isAlive() || !shared.program().equals(program)) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
            shared = LongLivedBpftrace.start(binary, program, experimentDir.resolve("bpftrace-session"), attachTimeout);
        }
        LongLivedBpftrace session = shared;
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve("probes.bt"), program, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("bpftrace: cannot write " + runDir.resolve("probes.bt") + ": " + e.getMessage(), e);
        }
        BpftraceMaps opening = session.dump(runDir.resolve("bpftrace.opening.ndjson"));
        return ProbeSession.of(session.pid(), () -> {
            BpftraceMaps closing = session.dump(runDir.resolve("bpftrace.closing.ndjson"));
            try {
                return closing.minus(opening);
            } catch (IllegalArgumentException e) {
                throw new ToolException("bpftrace (pid " + session.pid() + "): " + e.getMessage(), e);
            }
        }, () -> {
            // the program stays attached for the experiment's next run
        });
    }

    private static boolean onPath(String binary) {
        if (binary.contains("/")) {
            return Files.isExecutable(Path.of(binary));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }
}
