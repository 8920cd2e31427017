package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.ShellQuote;
import dev.uringlab.orchestrator.workload.ringbench.RingbenchWorkload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code uringlab-barrier}, the small C client of {@link IoBarrier} that fio's exec_prerun and
 * exec_postrun run. It is built with ringbench ({@code make -C workloads/ringbench}), so it is found
 * beside ringbench's binary, or at {@code $URINGLAB_BARRIER}.
 */
public final class BarrierHelper {

    public static final String NAME = "uringlab-barrier";
    /** How long the helper waits for uringlab's answer: above a dump's own 10 s bound, far below fio's. */
    public static final int TIMEOUT_SECONDS = 30;

    private BarrierHelper() {
    }

    /** The helper if it is there and executable; empty means the run keeps the process window. */
    public static Optional<Path> locate() {
        String env = System.getenv("URINGLAB_BARRIER");
        Path helper = env != null && !env.isBlank() ? Path.of(env)
                : RingbenchWorkload.locate().toAbsolutePath().getParent().resolve(NAME);
        return Files.isExecutable(helper) ? Optional.of(helper) : Optional.empty();
    }

    /** The command line that signals {@code event} ({@link IoBarrier#OPEN} or {@link IoBarrier#CLOSE}). */
    public static List<String> command(Path helper, Path socket, String event) {
        return List.of(helper.toString(), socket.toString(), event, Integer.toString(TIMEOUT_SECONDS));
    }

    /**
     * The same for a tool that hands its command to sh (fio's exec_prerun/exec_postrun go through
     * system(3)): quoted, so a checkout or temporary directory with a space or quote in its path works.
     */
    public static String shellCommand(Path helper, Path socket, String event) {
        return ShellQuote.command(command(helper, socket, event));
    }
}
