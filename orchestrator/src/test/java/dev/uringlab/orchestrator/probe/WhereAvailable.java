package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.orchestrator.testing.HostCapability;
import java.util.List;
import java.util.Map;

/**
 * Kernels differ in the probes they offer (kprobes, ipi:ipi_send_cpu since 6.6, io_uring tracepoints
 * since 5.5): each probe's counts are checked where it runs, and where it does not, the resolver must
 * have given a reason and nothing may be counted under its name.
 */
final class WhereAvailable {

    /** A check of one probe's counts, keyed as bpftrace prints them. */
    @FunctionalInterface
    interface Counts {
        void check(Map<String, Long> counts) throws Exception;
    }

    private WhereAvailable() {
    }

    static void check(List<ResolvedProbe> resolved, Map<String, Map<String, Long>> byProbe, Map<String, Counts> checks)
            throws Exception {
        for (ResolvedProbe probe : resolved) {
            Counts counts = checks.get(probe.id());
            if (counts == null) {
                continue;
            }
            Map<String, Long> values = byProbe.getOrDefault(probe.id(), Map.of());
            HostCapability.either("probe " + probe.id() + " (" + (probe.available() ? probe.variant()
                    : probe.unavailableReason()) + ")", probe.available(), () -> counts.check(values), () -> {
                assertFalse(probe.unavailableReason().isBlank(), probe.id());
                assertTrue(values.isEmpty(), probe.id() + " counted although unavailable: " + values);
            });
        }
    }
}
