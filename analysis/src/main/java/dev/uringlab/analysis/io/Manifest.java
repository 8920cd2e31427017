package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uringlab.analysis.model.CpuList;
import dev.uringlab.analysis.model.ExperimentManifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of manifest.json the analysis shows: which experiment, on which host and kernel.
 * Missing fields read as "unknown" so that imported or hand-made result sets still plot.
 */
public record Manifest(String experiment, String description, String hostname, String kernel, String cpuModel,
                       String workloadTool, String bpftrace, String writtenAt, Map<String, String> probeMeanings,
                       JsonNode raw) {

    public static Manifest of(JsonNode root, String fallbackExperiment) {
        ExperimentManifest m = typed(root);
        Map<String, Object> host = m.host() == null ? Map.of() : m.host();
        Map<String, String> tools = m.tools() == null ? Map.of() : m.tools();
        Map<String, String> meanings = new LinkedHashMap<>();
        if (m.probes() != null) {
            m.probes().forEach((id, p) -> meanings.put(id, p.meaning() != null ? p.meaning()
                    : "unavailable: " + (p.unavailable() == null ? "unknown" : p.unavailable())));
        }
        return new Manifest(or(m.experiment(), fallbackExperiment), or(m.description(), ""),
                or(host.get("hostname"), "unknown"), or(host.get("kernel"), "unknown"), or(host.get("cpu_model"), "unknown"),
                or(tools.get("workload"), "unknown"), or(tools.get("bpftrace"), "unknown"), or(m.writtenAt(), ""), meanings,
                root);
    }

    /** The manifest's typed form; imported or hand-made sets may lack any part, or have one of another shape. */
    private static ExperimentManifest typed(JsonNode root) {
        try {
            return RunRecordJson.MAPPER.convertValue(root, ExperimentManifest.class);
        } catch (IllegalArgumentException e) {
            return new ExperimentManifest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    private static String or(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    /** host.cpus_online ("0-3,8") as CPU numbers; empty when unknown. */
    public List<Integer> onlineCpus() {
        String list = raw == null ? "" : raw.path("host").path("cpus_online").asText("");
        try {
            return CpuList.parseInOrder(list);
        } catch (IllegalArgumentException e) {
            return List.of(); // a manifest from another tool: figures then go without per-CPU axes
        }
    }

    /** The line under every figure: enough to tell which machine a copied figure came from. */
    public String caption() {
        String caption = experiment + " · host " + hostname + " · kernel " + kernel;
        return emulated().map(e -> caption + " · emulated (" + e + "): counts real, timings not").orElse(caption);
    }

    /** host.emulated of a run made in a `uringlab lab` guest, e.g. "qemu-tcg". */
    public java.util.Optional<String> emulated() {
        String e = raw == null ? "" : raw.path("host").path("emulated").asText("");
        return e.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(e);
    }
}
