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
import java.util.function.Predicate;

/**
 * The lifecycle both probe backends share: a tool writing bpftrace-shaped NDJSON, waited on until
 * its output proves every probe attached, stopped with SIGINT so it prints its maps, and parsed.
 */
final class ProbeProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 3;

    private final String tool;
    private final ChildProcess child;
    private final Path ndjson;

    ProbeProcess(String tool, ChildProcess child, Path ndjson) {
        this.tool = tool;
        this.child = child;
        this.ndjson = ndjson;
    }

    /** Returns once {@code attached} accepts the output; a tool that exits or stalls first is a one-line error. */
    void awaitAttached(Duration timeout, Predicate<String> attached) throws ToolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (attached.test(readOutput())) {
                return;
            }
            if (!child.isAlive()) {
                int code = child.stop(Duration.ZERO);
                throw new ToolException(tool + " exited (code " + code + ") before its probes attached: "
                        + child.stderrTail(STDERR_LINES));
            }
            if (System.nanoTime() > deadline) {
                child.stop(Duration.ofSeconds(2));
                throw new ToolException(tool + " did not attach its probes within " + timeout.toSeconds() + " s: "
                        + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.stop(Duration.ofSeconds(2));
                throw new ToolException(tool + ": interrupted while waiting for probes to attach", e);
            }
        }
    }

    long pid() {
        return child.pid();
    }

    /** SIGINT makes the tool print every map and exit; the maps are then parsed from the NDJSON. */
    BpftraceMaps stop() throws ToolException {
        int code = child.stop(STOP_GRACE);
        if (code != 0) {
            // Killed (maps lost) or failed at runtime: the output cannot be trusted to be complete.
            throw new ToolException(tool + " ended with code " + code + " instead of printing its maps: "
                    + child.stderrTail(STDERR_LINES));
        }
        try {
            return BpftraceJsonParser.parse(readOutput());
        } catch (BpftraceJsonException e) {
            throw new ToolException(tool + ": " + e.getMessage() + " in " + ndjson, e);
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
