package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ToolException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout,
                       WorkloadScope scope) throws ToolException;

    /** System-wide counting: every probe sees every task. */
    default ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout)
            throws ToolException {
        return start(probes, irqs, runDir, attachTimeout, null);
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
        return new Bpftrace(binary);
    }

    /** The bpftrace path as it was before backends existed: {@link BpftraceProgram} + {@link BpftraceSession}. */
    record Bpftrace(String binary) implements ProbeBackend {

        @Override
        public String name() {
            return BPFTRACE;
        }

        @Override
        public Optional<String> preflight() {
            return onPath(binary) ? Optional.empty() : Optional.of("bpftrace not installed: apt-get install bpftrace");
        }

        @Override
        public ProbeSession start(List<ResolvedProbe> probes, List<Integer> irqs, Path runDir, Duration attachTimeout,
                                  WorkloadScope scope) throws ToolException {
            if (scope != null) {
                probes = probes.stream().map(p -> p.available() && scope.taskProbes().contains(p.id())
                        ? new ResolvedProbe(p.id(), p.variant(), p.meaning(),
                                BpftraceProgram.scoped(p.body(), scope.bpftraceCondition()), null)
                        : p).toList();
            }
            Map<String, String> template = new HashMap<>();
            if (probes.stream().anyMatch(p -> p.available() && p.body().contains("{{" + BpftraceProgram.IRQS + "}}"))) {
                template.put(BpftraceProgram.IRQS, BpftraceProgram.irqFilter(irqs));
            }
            BpftraceSession session = BpftraceSession.start(binary, BpftraceProgram.merge(probes, template), runDir, attachTimeout);
            return new ProbeSession() {
                @Override
                public long pid() {
                    return session.pid();
                }

                @Override
                public BpftraceMaps stop() throws ToolException {
                    return session.stop();
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        }

        private static boolean onPath(String binary) {
            if (binary.contains("/")) {
                return Files.isExecutable(Path.of(binary));
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                    return true;
                }
            }
            return false;
        }
    }
}
