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

    public static final String READY_MARKER = "uringlab-probes-attached";

    private final ProbeProcess process;

    private BpftraceSession(ProbeProcess process) {
        this.process = process;
    }

    public static BpftraceSession start(String bpftraceBinary, String programText, Path runDir, Duration attachTimeout)
            throws ToolException {
        ChildProcess child = launch(bpftraceBinary, programText, "", runDir);
        ProbeProcess process = new ProbeProcess("bpftrace", child, runDir.resolve("bpftrace.ndjson"));
        process.awaitAttached(attachTimeout, BpftraceSession::attached);
        return new BpftraceSession(process);
    }

    /**
     * Writes {@code dir/probes.bt} (the program behind a BEGIN that prints the ready marker, then
     * runs {@code beginExtra}) and starts bpftrace on it, its output in {@code dir/bpftrace.ndjson}
     * and {@code dir/bpftrace.stderr}. Both the per-run and the experiment-wide session start here.
     */
    static ChildProcess launch(String bpftraceBinary, String programText, String beginExtra, Path dir)
            throws ToolException {
        Path script = dir.resolve("probes.bt");
        try {
            Files.createDirectories(dir);
            Files.writeString(script, "BEGIN { printf(\"" + READY_MARKER + "\\n\"); " + beginExtra + "}\n" + programText,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("bpftrace: cannot write " + script + ": " + e.getMessage(), e);
        }
        return ChildProcess.start("bpftrace", List.of(bpftraceBinary, "-f", "json", script.getFileName().toString()),
                dir.resolve("bpftrace.ndjson"), dir.resolve("bpftrace.stderr"), dir);
    }

    /** The output proves every probe attached: BEGIN fires only after the last attach. */
    static boolean attached(String output) {
        return output.contains(READY_MARKER);
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
