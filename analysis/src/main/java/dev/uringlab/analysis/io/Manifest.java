package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
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
    public java.util.List<Integer> onlineCpus() {
        java.util.List<Integer> cpus = new java.util.ArrayList<>();
        String list = raw == null ? "" : raw.path("host").path("cpus_online").asText("");
        for (String part : list.split(",")) {
            String[] range = part.strip().split("-");
            if (range[0].matches("\\d+")) {
                int lo = Integer.parseInt(range[0]);
                int hi = range.length > 1 && range[1].matches("\\d+") ? Integer.parseInt(range[1]) : lo;
                for (int c = lo; c <= hi; c++) {
                    cpus.add(c);
                }
            }
        }
        return cpus;
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
