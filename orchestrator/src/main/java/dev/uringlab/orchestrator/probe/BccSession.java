package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceJsonException;
import dev.uringlab.analysis.parse.BpftraceJsonParser;
import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 3;

    private final ChildProcess child;
    private final Path ndjson;

    private BccSession(ChildProcess child, Path ndjson) {
        this.child = child;
        this.ndjson = ndjson;
    }

    public static BccSession start(String python, List<ResolvedProbe> probes, List<Integer> irqs, Path runDir,
            Duration attachTimeout) throws ToolException {
        Path ndjson = runDir.resolve("bcc.ndjson");
        Path runner = BccScripts.extractTo(runDir.resolve("bcc"));
        List<String> command = command(python, runner, probes, irqs, BccScripts.ids());
        ChildProcess child = ChildProcess.start("bcc", command, ndjson, runDir.resolve("bcc.stderr"), runDir);
        BccSession session = new BccSession(child, ndjson);
        session.awaitAttached(attachTimeout);
        return session;
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

    private void awaitAttached(Duration timeout) throws ToolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (attached(readOutput())) {
                return;
            }
            if (!child.isAlive()) {
                int code = child.stop(Duration.ZERO);
                throw new ToolException("bcc exited (code " + code + ") before its probes attached: "
                        + child.stderrTail(STDERR_LINES));
            }
            if (System.nanoTime() > deadline) {
                child.stop(Duration.ofSeconds(2));
                throw new ToolException("bcc did not attach its probes within " + timeout.toSeconds() + " s: "
                        + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.stop(Duration.ofSeconds(2));
                throw new ToolException("bcc: interrupted while waiting for probes to attach", e);
            }
        }
    }

    @Override
    public long pid() {
        return child.pid();
    }

    @Override
    public BpftraceMaps stop() throws ToolException {
        int code = child.stop(STOP_GRACE);
        if (code != 0) {
            throw new ToolException("bcc ended with code " + code + " instead of printing its maps: "
                    + child.stderrTail(STDERR_LINES));
        }
        try {
            return BpftraceJsonParser.parse(readOutput());
        } catch (BpftraceJsonException e) {
            throw new ToolException("bcc: " + e.getMessage() + " in " + ndjson, e);
        }
    }

    private String readOutput() {
        try {
            return Files.exists(ndjson) ? Files.readString(ndjson, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
