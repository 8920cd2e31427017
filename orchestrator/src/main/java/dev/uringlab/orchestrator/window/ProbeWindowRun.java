package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.probe.ProbeSession;
import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which window one run's probe counts cover, and their counts. {@code io}: from a dump the workload
 * asked for right before its first I/O to one right after its last ({@link IoBarrier}), so the
 * tool's own start-up and exit are outside. {@code process}: from before the workload process
 * starts to after it exits, for workloads that cannot say where their I/O is (command, db_bench),
 * for sessions that cannot dump while running, and for {@link SetupProbes} in every run.
 *
 * <p>The run's metrics say which: {@code probe_window_io} is 1 for an I/O window, 0 for a process
 * window, and {@code probe_window_s} is the window's length, beside the workload's wall time;
 * {@code probe_window_wait_s} is how long the workload waited for the window's two dumps (part of its
 * wall time that is uringlab's, not the workload's). The run's probe-cost readings (bpf_probe_*) and
 * its host-CPU reading (host_other_cpu_pct) follow the same window ({@link #follow}): over the I/O
 * window when {@code probe_window_io} is 1, over the process otherwise.
 */
public final class ProbeWindowRun implements AutoCloseable {

    public static final String WINDOW_SECONDS = "probe_window_s";
    public static final String WINDOW_IO = "probe_window_io";
    public static final String WAIT_SECONDS = "probe_window_wait_s";

    private final ProbeSession session;
    private final long processOpened;
    private final DumpWindow dumps;
    private final EdgeReadings edges;
    private final IoBarrier barrier;
    private final List<String> warnings = new ArrayList<>();
    private double windowSeconds = Double.NaN;

    private ProbeWindowRun(ProbeSession session, DumpWindow dumps, EdgeReadings edges, IoBarrier barrier) {
        this.session = session;
        this.processOpened = System.nanoTime();
        this.dumps = dumps;
        this.edges = edges;
        this.barrier = barrier;
    }

    /** Whether the session must count over the whole workload process too (its opening dump is then taken at start). */
    public static boolean needsProcessWindow(int ioJobs, List<String> probeIds) {
        return ioJobs <= 0 || probeIds.stream().anyMatch(SetupProbes.IDS::contains);
    }

    /**
     * Called right after the session is attached (and its opening dump taken): listens for the
     * workload's {@code ioJobs} workers when there are any and the session can dump while it runs.
     */
    public static ProbeWindowRun start(ProbeSession session, Path runDir, int ioJobs) throws ToolException {
        if (ioJobs > 0 && session.dumps()) {
            DumpWindow dumps = new DumpWindow(session, runDir);
            EdgeReadings edges = new EdgeReadings(dumps);
            return new ProbeWindowRun(session, dumps, edges, IoBarrier.start(edges, ioJobs));
        }
        return new ProbeWindowRun(session, null, null, null);
    }

    /**
     * Takes {@code atOpen} right after the I/O window's opening dump and {@code atClose} right before
     * its closing dump, so that a meter (probe cost, host CPU) covers the interval the counts cover.
     * Returns false for a process window: the caller then keeps its own readings around the process.
     * Call before the workload starts.
     */
    public boolean follow(Runnable atOpen, Runnable atClose) {
        if (edges == null) {
            return false;
        }
        edges.follow(atOpen, atClose);
        return true;
    }

    /** The socket the workload's workers connect to; null for a process window. */
    public Path socket() {
        return barrier == null ? null : barrier.socket();
    }

    /**
     * The counts of {@code probeIds} once the workload exited 0: an I/O window's (set-up probes from
     * the process window), or the process window's. An I/O window that opened but was never closed
     * (a job ended without its exec_postrun) is closed now, with a warning.
     */
    public Map<String, Map<String, Long>> counts(List<String> probeIds) throws ToolException {
        if (barrier == null) {
            windowSeconds = (System.nanoTime() - processOpened) / 1e9;
            return session.stop().byProbe(probeIds);
        }
        barrier.close();
        if (barrier.failure() != null) {
            throw barrier.failure();
        }
        if (!barrier.opened()) {
            throw new ToolException("the workload ended without saying its I/O began (" + BarrierHelper.NAME
                    + " never connected), so no I/O window was counted");
        }
        long closed = barrier.closedNanos();
        if (!dumps.isClosed()) {
            closed = System.nanoTime();
            dumps.close();
            warnings.add("probe window: not every job said its I/O ended; the window closed when the workload exited");
        }
        windowSeconds = (closed - barrier.openedNanos()) / 1e9;
        List<String> setup = probeIds.stream().filter(SetupProbes.IDS::contains).toList();
        List<String> io = probeIds.stream().filter(id -> !SetupProbes.IDS.contains(id)).toList();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>(dumps.counts().byProbe(io));
        if (!setup.isEmpty()) {
            counts.putAll(session.stop().byProbe(setup));
        }
        return counts;
    }

    /** Why the window could not be moved when the workload asked (a failed dump); null otherwise. */
    public ToolException failure() {
        return barrier == null ? null : barrier.failure();
    }

    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (edges != null) {
            all.addAll(edges.failures());
        }
        return all;
    }

    public boolean isIoWindow() {
        return barrier != null;
    }

    /** {@code metrics} with the window's kind and length added (unchanged without a window or a count). */
    public static Map<String, Double> addTo(ProbeWindowRun window, Map<String, Double> metrics) {
        if (window == null || Double.isNaN(window.windowSeconds)) {
            return metrics;
        }
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.put(WINDOW_SECONDS, window.windowSeconds);
        out.put(WINDOW_IO, window.isIoWindow() ? 1.0 : 0.0);
        if (window.barrier != null) {
            out.put(WAIT_SECONDS, window.barrier.waitedNanos() / 1e9);
        }
        return out;
    }

    /** Stops listening and removes the socket (idempotent). */
    @Override
    public void close() {
        if (barrier != null) {
            barrier.close();
        }
    }
}
