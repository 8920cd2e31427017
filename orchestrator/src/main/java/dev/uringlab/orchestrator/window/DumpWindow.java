package dev.uringlab.orchestrator.window;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.probe.ProbeSession;
import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;

/**
 * An I/O window cut out of a probe session by two dumps, kept in the run directory as
 * {@code probes.io-opening.ndjson} and {@code probes.io-closing.ndjson}.
 */
public final class DumpWindow implements IoWindow {

    public static final String OPENING = "probes.io-opening.ndjson";
    public static final String CLOSING = "probes.io-closing.ndjson";

    private final ProbeSession session;
    private final Path runDir;
    private volatile BpftraceMaps opening;
    private volatile BpftraceMaps closing;

    public DumpWindow(ProbeSession session, Path runDir) {
        this.session = session;
        this.runDir = runDir;
    }

    @Override
    public void open() throws ToolException {
        opening = session.dump(runDir.resolve(OPENING));
    }

    @Override
    public void close() throws ToolException {
        closing = session.dump(runDir.resolve(CLOSING));
    }

    public boolean isClosed() {
        return closing != null;
    }

    /** What the probes counted between the two dumps. */
    public BpftraceMaps counts() throws ToolException {
        if (opening == null || closing == null) {
            throw new ToolException("the I/O window was " + (opening == null ? "never opened" : "never closed"));
        }
        try {
            return closing.minus(opening);
        } catch (IllegalArgumentException e) {
            throw new ToolException("probe session (pid " + session.pid() + "): " + e.getMessage(), e);
        }
    }
}
