package dev.uringlab.orchestrator.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run made inside a lab guest adds to its manifest's host section: that the host was
 * emulated (and how), its topology and its kernel. Counts from a guest are real, its timings
 * are not, and a reader of the results must be able to tell.
 */
public final class GuestLabel {

    private GuestLabel() {
    }

    /** Empty outside a guest; else host.emulated, host.lab_topology and host.guest_kernel. */
    public static Map<String, Object> fromEnvironment() {
        return from(System.getenv());
    }

    static Map<String, Object> from(Map<String, String> env) {
        Map<String, Object> label = new LinkedHashMap<>();
        String emulated = env.get(GuestCommand.ENV_EMULATED);
        if (emulated == null || emulated.isBlank()) {
            return label;
        }
        label.put("emulated", emulated);
        label.put("lab_topology", env.getOrDefault(GuestCommand.ENV_TOPOLOGY, "unknown"));
        label.put("guest_kernel", env.getOrDefault(GuestCommand.ENV_KERNEL, "unknown"));
        label.put("emulated_note", "counts are real, timings are not (emulated CPUs and NVMe)");
        return label;
    }
}
