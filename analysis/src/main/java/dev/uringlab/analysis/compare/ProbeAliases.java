package dev.uringlab.analysis.compare;

import dev.uringlab.analysis.model.RunRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives one source's probes the other's names, so that both are drawn on one figure: a capture's
 * hand-written bpftrace map {@code @irqs[cpu]} counts what the catalog probe {@code irq_per_cpu}
 * counts, but the importer can only name it after the map.
 */
public final class ProbeAliases {

    private ProbeAliases() {
    }

    /** The runs with each probe {@code from} renamed {@code to} (counts and variants); others as they were. */
    public static List<RunRecord> rename(List<RunRecord> runs, Map<String, String> fromTo) {
        if (fromTo.isEmpty()) {
            return runs;
        }
        return runs.stream().map(r -> {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            r.probeCounts().forEach((k, v) -> counts.put(fromTo.getOrDefault(k, k), v));
            Map<String, String> variants = new LinkedHashMap<>();
            r.probeVariants().forEach((k, v) -> variants.put(fromTo.getOrDefault(k, k), v));
            return new RunRecord(r.experiment(), r.runId(), r.index(), r.repetition(), r.status(), r.error(), r.params(),
                    r.cpuSet(), r.cpus(), r.target(), variants, r.metrics(), counts, r.startedAt(), r.wallSeconds(),
                    r.workloadSeconds(), r.host(), r.warnings(), r.samples());
        }).toList();
    }
}
