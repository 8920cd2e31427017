package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;

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
 * counts as the difference of two SIGUSR1 dumps ({@link SharedProbeProcess}); outside one, and for
 * programs that differ per run (probe_scope: workload filters by the run's cgroup) or whose maps
 * do not subtract, each run starts and stops its own bpftrace ({@link BpftraceSession}).
 */
final class BpftraceBackend extends SharedSlot.Backend {

    private final String binary;

    BpftraceBackend(String binary) {
        this.binary = binary;
    }

    @Override
    public String name() {
        return BPFTRACE;
    }

    @Override
    public Optional<String> preflight() {
        return Tools.available(binary) ? Optional.empty() : Optional.of("bpftrace not installed: apt-get install bpftrace");
    }

    @Override
    public synchronized ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
                                           Duration attachTimeout, WorkloadScope scope, boolean processWindow) throws ToolException {
        String program = program(probes, irqs, scope);
        if (slot.inExperiment() && scope == null && dumpsSubtract(program)) {
            SharedProbeProcess shared = slot.get(program, starter(program, attachTimeout));
            write(runDir.resolve("probes.bt"), program);
            return shared.runSession(runDir, processWindow);
        }
        if (dumpsSubtract(program)) {
            // Its own bpftrace, but one that dumps on SIGUSR1, so the run can cut an I/O window out of it.
            ChildProcess child = BpftraceSession.launch(binary, program + SharedProbeProcess.wakeProbe(),
                    SharedProbeProcess.beginStatements() + " ", runDir);
            return SharedProbeProcess.attach("bpftrace", child, runDir.resolve("bpftrace.ndjson"), program,
                    attachTimeout, BpftraceSession::attached).ownSession(runDir);
        }
        BpftraceSession session = BpftraceSession.start(binary, program, runDir, attachTimeout);
        return ProbeSession.of(session.pid(), session::stop, session::close);
    }

    @Override
    public synchronized void startEarly(List<ResolvedProbe> probes, List<Integer> irqs, Duration attachTimeout) {
        String program = program(probes, irqs, null);
        if (slot.inExperiment() && dumpsSubtract(program)) {
            slot.startEarly(program, starter(program, attachTimeout));
        }
    }

    private static String program(List<ResolvedProbe> probes, List<Integer> irqs, WorkloadScope scope) {
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
        return BpftraceProgram.merge(probes, template);
    }

    private SharedSlot.Starter starter(String program, Duration attachTimeout) {
        return experimentDir -> {
            Path dir = experimentDir.resolve("bpftrace-session");
            ChildProcess child = BpftraceSession.launch(binary, program + SharedProbeProcess.wakeProbe(),
                    SharedProbeProcess.beginStatements() + " ", dir);
            return SharedProbeProcess.attach("bpftrace", child, dir.resolve("bpftrace.ndjson"), program, attachTimeout,
                    BpftraceSession::attached);
        };
    }

    /**
     * True when the maps of {@code program} can be subtracted: counts and histograms only grow,
     * while avg, min, max and stats values of two dumps say nothing about what came in between.
     */
    static boolean dumpsSubtract(String program) {
        return !program.matches("(?s).*\\b(avg|min|max|stats)\\s*\\(.*");
    }

    private static void write(Path file, String text) throws ToolException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("bpftrace: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
