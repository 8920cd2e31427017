package dev.uringlab.orchestrator.probe;

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

    private final ProbeProcess process;

    private BpftraceSession(ProbeProcess process) {
        this.process = process;
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
        ProbeProcess process = new ProbeProcess("bpftrace", child, ndjson);
        process.awaitAttached(attachTimeout, output -> output.contains(READY_MARKER));
        return new BpftraceSession(process);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGINT makes bpftrace print every map and exit; the maps are then parsed from the NDJSON. */
    public BpftraceMaps stop() throws ToolException {
        return process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
