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
import java.util.List;

/**
 * One running bpftrace with the merged program. {@link #start} returns only when the probes
 * are really attached, so a workload started afterwards is fully counted.
 *
 * <p>bpftrace 0.17 prints {@code {"type": "attached_probes", ...}} <em>before</em> it attaches
 * (it is the old "Attaching N probes..." line), and an attach failure comes after it. BEGIN
 * fires only once every probe is attached, so the session appends a BEGIN that prints a
 * marker and waits for that.
 */
public final class BpftraceSession implements AutoCloseable {

    static final String READY_MARKER = "uringlab-probes-attached";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 3;

    private final ChildProcess child;
    private final Path ndjson;

    private BpftraceSession(ChildProcess child, Path ndjson) {
        this.child = child;
        this.ndjson = ndjson;
    }

    public static BpftraceSession start(String bpftraceBinary, String programText, Path runDir, Duration attachTimeout)
            throws ToolException {
        Path script = runDir.resolve("probes.bt");
        Path ndjson = runDir.resolve("bpftrace.ndjson");
        Path stderr = runDir.resolve("bpftrace.stderr");
        try {
            Files.createDirectories(runDir);
            Files.writeString(script, "BEGIN { printf(\"" + READY_MARKER + "\\n\"); }\n" + programText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("bpftrace: cannot write " + script + ": " + e.getMessage(), e);
        }
        ChildProcess child = ChildProcess.start("bpftrace",
                List.of(bpftraceBinary, "-f", "json", script.getFileName().toString()), ndjson, stderr, runDir);
        BpftraceSession session = new BpftraceSession(child, ndjson);
        session.awaitAttached(attachTimeout);
        return session;
    }

    private void awaitAttached(Duration timeout) throws ToolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (readOutput().contains(READY_MARKER)) {
                return;
            }
            if (!child.isAlive()) {
                int code = child.stop(Duration.ZERO);
                throw new ToolException("bpftrace exited (code " + code + ") before its probes attached: "
                        + child.stderrTail(STDERR_LINES));
            }
            if (System.nanoTime() > deadline) {
                child.stop(Duration.ofSeconds(2));
                throw new ToolException("bpftrace did not attach its probes within " + timeout.toSeconds() + " s: "
                        + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.stop(Duration.ofSeconds(2));
                throw new ToolException("bpftrace: interrupted while waiting for probes to attach", e);
            }
        }
    }

    public long pid() {
        return child.pid();
    }

    /** SIGINT makes bpftrace print every map and exit; the maps are then parsed from the NDJSON. */
    public BpftraceMaps stop() throws ToolException {
        int code = child.stop(STOP_GRACE);
        if (code != 0) {
            // Killed (maps lost) or failed at runtime: the output cannot be trusted to be complete.
            throw new ToolException("bpftrace ended with code " + code + " instead of printing its maps: "
                    + child.stderrTail(STDERR_LINES));
        }
        try {
            return BpftraceJsonParser.parse(readOutput());
        } catch (BpftraceJsonException e) {
            throw new ToolException("bpftrace: " + e.getMessage() + " in " + ndjson, e);
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
