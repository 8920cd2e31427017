package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The host changes of one sweep. Every change is journaled first; {@link #close()} undoes them,
 * and so does a JVM shutdown hook, so the host comes back at the end of the sweep, on an error
 * (try-with-resources) and on Ctrl-C or SIGTERM. After kill -9 the journal is still on disk for
 * {@code uringlab restore}.
 */
public final class HostSession implements AutoCloseable {

    // Children (fio) are stopped by ChildProcess's own hook at the same time; a reload of a busy
    // NVMe device fails until they are gone, so failed steps are retried once after this pause.
    private static final long RETRY_MILLIS = 3000;

    private final KnobContext ctx;
    private final Journal journal;
    private final PrintStream log;
    private final Thread hook;
    private volatile boolean closed;

    private HostSession(KnobContext ctx, Journal journal, PrintStream log) {
        this.ctx = ctx;
        this.journal = journal;
        this.log = log;
        this.hook = new Thread(this::restoreFromHook, "uringlab-host-restore");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A session whose journal goes into {@code journalDir} (e.g. results/&lt;experiment&gt;/); messages to {@code log}. */
    public static HostSession open(KnobContext ctx, Path journalDir, PrintStream log) {
        return new HostSession(ctx, Journal.create(journalDir, ctx.fs().root()), log);
    }

    public Journal journal() {
        return journal;
    }

    public KnobContext context() {
        return ctx;
    }

    /** Checks every knob before the first change, so a refusal leaves the host untouched. */
    public void preflight(List<HostKnob> knobs) throws HostException {
        for (HostKnob knob : knobs) {
            knob.check();
        }
    }

    public void apply(HostKnob knob) throws HostException {
        if (closed) {
            throw new IllegalStateException("host session already closed");
        }
        knob.apply(journal);
    }

    /** Preflight, then each knob in order; on a failure everything applied so far is undone before rethrowing. */
    public void applyAll(List<HostKnob> knobs) throws HostException {
        preflight(knobs);
        try {
            for (HostKnob knob : knobs) {
                apply(knob);
            }
        } catch (HostException | RuntimeException e) {
            Restorer.Report report = restore();
            if (!report.ok()) {
                log.println("uringlab: could not undo: " + report.failures().get(0) + " (run: uringlab restore "
                        + journal.file() + ")");
            }
            throw e;
        }
    }

    /** The newest journaled change so far: {@link #restoreTo} it to undo what came after. */
    public synchronized int mark() {
        List<JournalEntry> entries = journal.entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    }

    /** Undoes the changes made after {@code mark} (one run's), newest first; the earlier ones stay. */
    public synchronized Restorer.Report restoreTo(int mark) throws HostException {
        return Restorer.restoreAfter(journal, ctx, mark);
    }

    /** Undoes everything applied so far; the session stays usable. */
    public synchronized Restorer.Report restore() throws HostException {
        return Restorer.restore(journal, ctx);
    }

    /** Undoes everything; a step that cannot be undone is an exception naming it and the journal to restore from. */
    @Override
    public void close() throws HostException {
        if (closed) {
            return;
        }
        Restorer.Report report = restore();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds nothing left to do
        }
        if (!report.ok()) {
            throw new HostException("could not restore the host: " + report.failures().get(0)
                    + " (then run: uringlab restore " + journal.file() + ")");
        }
    }

    private void restoreFromHook() {
        if (closed || journal.pending().isEmpty()) {
            return;
        }
        try {
            Restorer.Report report = restore();
            if (!report.ok()) {
                Thread.sleep(RETRY_MILLIS);
                report = restore();
            }
            log.println(report.ok() ? "uringlab: host restored (" + report.restored() + " change(s) undone)"
                    : "uringlab: could not undo: " + report.failures().get(0) + " (run: uringlab restore " + journal.file() + ")");
        } catch (HostException e) {
            log.println("uringlab: could not restore the host: " + e.getMessage() + " (run: uringlab restore "
                    + journal.file() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
