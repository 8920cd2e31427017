package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.process.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who runs the catalog's probes: {@code bpftrace} (one merged .bt program) or {@code bcc} (one
 * Python process compiling the probes/bcc twins). Chosen per experiment ({@code backend: bcc});
 * both attach before {@link #start} returns and print the same JSON, so runs are comparable.
 */
public interface ProbeBackend {

    String BPFTRACE = "bpftrace";
    String BCC = "bcc";

    String name();

    /** What is missing on this host, as one line naming the package to install; empty when ready. */
    Optional<String> preflight();

    /**
     * Attaches the available probes (unavailable ones are skipped) and returns once all are
     * attached. {@code irqs} are the target device's IRQ numbers, needed only by irq_per_cpu.
     * Output files go to {@code runDir}.
     */
    default ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout,
                       WorkloadScope scope) throws ToolException {
        return start(probes, irqs, runDir, attachTimeout, scope, true);
    }

    /**
     * As above; with {@code processWindow} false the run reads its counts only from
     * {@link ProbeSession#dump}s around its I/O, so a session kept across runs skips its opening
     * dump and {@link ProbeSession#stop} returns no maps.
     */
    ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout,
                       WorkloadScope scope, boolean processWindow) throws ToolException;

    /** System-wide counting: every probe sees every task. */
    default ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout)
            throws ToolException {
        return start(probes, irqs, runDir, attachTimeout, null);
    }

    /**
     * The runs of one experiment follow, their probes unchanged from run to run unless a kprobe
     * falls back: a backend may keep its tool attached across them, with its files in {@code dir}.
     */
    default void beginExperiment(Path dir) {
    }

    /**
     * Within an experiment: begin compiling and attaching what the first run's {@link #start}
     * will ask for, without waiting, so that it overlaps the sweep's own preparation. Only a hint:
     * a start asking for something else, or a backend that ignores it, starts as before.
     */
    default void startEarly(List<ResolvedProbe> probes, List<Integer> irqs, Duration attachTimeout) {
    }

    /** The experiment is over: stop whatever {@link #beginExperiment} kept running. */
    default void endExperiment() {
    }

    /** {@code bpftrace} or {@code bcc} with the system defaults; anything else is a one-line error. */
    static ProbeBackend named(String name, String bpftraceBinary) {
        return switch (name) {
            case BPFTRACE -> bpftrace(bpftraceBinary);
            case BCC -> BccBackend.system();
            default -> throw new IllegalArgumentException("unknown probe backend '" + name + "' (known: bpftrace, bcc)");
        };
    }

    static ProbeBackend bpftrace(String binary) {
        return new BpftraceBackend(binary);
    }
}
