package dev.uringlab.analysis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: what a results directory was measured with. Written by the sweep and read back by
 * the same type (field names in snake_case through {@code RunRecordJson.MAPPER}); sealed by a golden
 * test. {@code host} and {@code tools} stay open mappings: their keys are what each host and tool
 * reports, and new facts about a host may appear there without a new manifest version.
 */
public record ExperimentManifest(
        String uringlabVersion,
        String writtenAt,
        String experiment,
        String description,
        Map<String, Object> host,
        Target target,
        Map<String, String> tools,
        List<Map<String, Object>> otherBpfPrograms,
        String probeScope,
        Map<String, Probe> probes,
        Integer runs,
        String experimentFile,
        String experimentFileSha256,
        String experimentFileText) {

    public ExperimentManifest {
        host = host == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(host));
        tools = tools == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tools));
        probes = probes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(probes));
    }

    /** The measured device: its disk, its interrupts and the CPUs they land on. */
    /** {@code diskModel}: sysfs' device model ("unknown" for virtio), so hosts merged by collect can be told apart. */
    public record Target(String target, String disk, String diskModel, List<Irq> irqs, String irqCpus) {
    }

    public record Irq(int irq, String name, String effectiveCpus) {
    }

    /** One probe as it ran: its variant and meaning, or why it could not run. */
    public record Probe(String variant, String meaning, String unavailable, boolean countsOnlyTheWorkload) {
    }
}
