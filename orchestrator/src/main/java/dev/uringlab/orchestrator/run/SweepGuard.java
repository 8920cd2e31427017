package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Watchdog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code uringlab run} holds for its whole life so that its numbers are its own: the host
 * lock (no second sweep), the watchdog (no child outlives it), what a dead sweep left cleaned up
 * or refused, and the other BPF programs on the host recorded.
 */
public final class SweepGuard implements AutoCloseable {

    private final HostLock lock;

    private SweepGuard(HostLock lock) {
        this.lock = lock;
    }

    /**
     * What starts as soon as the lock is held, before the leftover and BPF scans (the sweep's
     * probes compile meanwhile), and is undone when the sweep is refused after all.
     */
    public interface OnLocked {
        OnLocked NOTHING = new OnLocked() {
            @Override
            public void start() {
            }

            @Override
            public void undo() {
            }
        };

        void start();

        void undo();
    }

    /** Refusals (another sweep, leftovers that need the user) are a {@link ToolException} naming the command to run. */
    public static SweepGuard begin(HostFs fs, List<String> experiments, Path results, PrintStream out)
            throws ToolException, IOException {
        return begin(fs, experiments, results, out, OnLocked.NOTHING);
    }

    public static SweepGuard begin(HostFs fs, List<String> experiments, Path results, PrintStream out, OnLocked onLocked)
            throws ToolException, IOException {
        HostLock lock;
        try {
            lock = HostLock.acquire(HostLock.path(), String.join(",", experiments), results);
        } catch (HostLock.Busy e) {
            throw new ToolException(e.getMessage());
        }
        try {
            Watchdog.start();
            // After the watchdog, so that what it starts cannot outlive a SIGKILLed uringlab either.
            onLocked.start();
            Leftovers.Report left = new Leftovers(fs).clean(lock.previousHolder(), results);
            left.cleaned().forEach(c -> out.println("uringlab: found what an earlier sweep left: " + c));
            if (!left.refusals().isEmpty()) {
                for (String r : left.refusals().subList(1, left.refusals().size())) {
                    out.println("uringlab: also: " + r);
                }
                // Each refusal says whether its owner died or still runs (without the lock): the
                // preamble must not call a live one dead.
                throw new ToolException("refusing to measure while the host is not as a sweep needs it: "
                        + left.refusals().get(0));
            }
            List<Map<String, Object>> others = OtherBpfPrograms.scan(fs.path("/proc"));
            if (!others.isEmpty()) {
                out.println(OtherBpfPrograms.warning(others));
            }
            return new SweepGuard(lock);
        } catch (ToolException | RuntimeException e) {
            onLocked.undo();
            lock.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
