package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One running {@code probes/bcc/uringlab_bcc.py} with all probes of a run compiled into one BPF
 * program. Same lifecycle as {@link BpftraceSession}: {@link #start} returns only after the runner
 * printed its marker, which it does after the last attach succeeded; {@link #stop} sends SIGINT,
 * on which the runner prints its maps in bpftrace's JSON shape.
 *
 * <p>Files in the run directory: {@code bcc/} (the scripts that ran), {@code probes.bcc.c} (the
 * generated program), {@code bcc.ndjson}, {@code bcc.stderr}.
 */
public final class BccSession implements ProbeSession {

    /** The same marker the bpftrace session's BEGIN prints; the runner prints it as a printf record. */
    static final String READY_MARKER = BpftraceSession.READY_MARKER;
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private final ProbeProcess process;

    private BccSession(ProbeProcess process) {
        this.process = process;
    }

    public static BccSession start(String python, List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
            Duration attachTimeout) throws ToolException {
        return start(python, probes, irqs, runDir, attachTimeout, null);
    }

    /** {@code scope} (nullable) limits task-scoped probes to the workload's cgroup. */
    public static BccSession start(String python, List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
            Duration attachTimeout, WorkloadScope scope) throws ToolException {
        Path ndjson = runDir.resolve("bcc.ndjson");
        Path runner = BccScripts.extractTo(runDir.resolve("bcc"));
        List<String> command = scopedCommand(python, runner, probes, irqs, scope);
        ChildProcess child = ChildProcess.start("bcc", command, ndjson, runDir.resolve("bcc.stderr"), runDir);
        ProbeProcess process = new ProbeProcess("bcc", child, ndjson);
        process.awaitAttached(attachTimeout, BccSession::attached);
        return new BccSession(process);
    }

    /**
     * A runner of this run's own that also dumps on SIGUSR1 (the runner always does), so the run can
     * cut an I/O window out of it; its files in {@code runDir} as with {@link #start}.
     */
    static ProbeSession startOwn(String python, List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
            Duration attachTimeout, WorkloadScope scope) throws ToolException {
        List<String> command = scopedCommand(python, sharedRunner(runDir), probes, irqs, scope);
        return startShared(command, runDir, attachTimeout).ownSession(runDir);
    }

    /** {@link #command}, its task-scoped probes limited to {@code scope}'s cgroup when there is one. */
    private static List<String> scopedCommand(String python, Path runner, List<ResolvedProbe> probes, List<Integer> irqs,
            WorkloadScope scope) {
        List<String> command = command(python, runner, probes, irqs, BccScripts.ids());
        if (scope != null) {
            List<String> scoped = probes.stream().filter(ResolvedProbe::available).map(ResolvedProbe::id)
                    .filter(scope.taskProbes()::contains).toList();
            if (!scoped.isEmpty()) {
                // Options go before the positional probe ids.
                command.addAll(4, List.of("--workload-cgroup", Long.toString(scope.cgroupId()),
                        "--task-probes", String.join(",", scoped)));
            }
        }
        return command;
    }

    /**
     * One runner kept attached for all the runs of an experiment, its files in {@code dir}; each
     * run reads its counts as the difference of two SIGUSR1 dumps ({@link SharedProbeProcess}).
     * {@code command} is {@link #command} for the runner at {@link #sharedRunner}{@code (dir)}.
     */
    static SharedProbeProcess startShared(List<String> command, Path dir, Duration attachTimeout) throws ToolException {
        BccScripts.extractTo(sharedRunner(dir).getParent());
        Path ndjson = dir.resolve("bcc.ndjson");
        ChildProcess child = ChildProcess.start("bcc", command, ndjson, dir.resolve("bcc.stderr"), dir);
        return SharedProbeProcess.attach("bcc", child, ndjson, String.join(" ", command), attachTimeout,
                BccSession::attached);
    }

    /** Where {@link #startShared} puts the runner, known before it is extracted so the command can name it. */
    static Path sharedRunner(Path dir) {
        return dir.resolve("bcc").resolve(BccScripts.RUNNER);
    }

    /**
     * {@code python -B -u runner --save-c probes.bcc.c [--irqs 36,37] id:variant ...}: every
     * available probe with the variant the resolver chose, so both backends count the same events.
     */
    static List<String> command(String python, Path runner, List<ResolvedProbe> probes, List<Integer> irqs,
            Set<String> implemented) {
        List<ResolvedProbe> available = probes.stream().filter(ResolvedProbe::available).toList();
        if (available.isEmpty()) {
            throw new IllegalArgumentException("no available probe to run with BCC");
        }
        List<String> missing = available.stream().map(ResolvedProbe::id).filter(id -> !implemented.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no BCC implementation of probe " + String.join(", ", missing) + " (probes/bcc/)");
        }
        // -B: no __pycache__ in the run directory; -u: records reach the file as printed.
        List<String> cmd = new ArrayList<>(List.of(python, "-B", "-u", runner.toString(), "--save-c", "probes.bcc.c"));
        if (available.stream().anyMatch(p -> p.id().equals("irq_per_cpu"))) {
            if (irqs.isEmpty()) {
                throw new IllegalArgumentException("irq_per_cpu needs at least one IRQ number of the target device");
            }
            cmd.add("--irqs");
            cmd.add(irqs.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        available.forEach(p -> cmd.add(p.id() + ":" + p.variant()));
        return cmd;
    }

    /** True once the runner printed its marker record, i.e. every probe is attached. */
    static boolean attached(String output) {
        return output.lines().anyMatch(line -> line.startsWith("{\"type\": \"printf\"") && line.contains(READY_MARKER));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public BpftraceMaps stop() throws ToolException {
        return process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
