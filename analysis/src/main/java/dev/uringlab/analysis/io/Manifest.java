package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uringlab.analysis.model.CpuList;

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
        JsonNode host = root.path("host");
        Map<String, String> meanings = new LinkedHashMap<>();
        root.path("probes").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            meanings.put(e.getKey(), p.path("meaning").isTextual() ? p.path("meaning").asText()
                    : "unavailable: " + p.path("unavailable").asText("unknown"));
        });
        return new Manifest(root.path("experiment").asText(fallbackExperiment), root.path("description").asText(""),
                host.path("hostname").asText("unknown"), host.path("kernel").asText("unknown"),
                host.path("cpu_model").asText("unknown"), root.path("tools").path("workload").asText("unknown"),
                root.path("tools").path("bpftrace").asText("unknown"), root.path("written_at").asText(""), meanings, root);
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
        return experiment + " · host " + hostname + " · kernel " + kernel;
    }
}
