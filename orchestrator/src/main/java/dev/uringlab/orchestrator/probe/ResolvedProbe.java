package dev.uringlab.orchestrator.probe;

/**
 * The outcome of choosing a variant on one host. {@code variant} and {@code body} are null when
 * the probe is unavailable; then {@code unavailableReason} says why, per variant.
 */
public record ResolvedProbe(String id, String variant, String meaning, String body, String unavailableReason) {

    public static ResolvedProbe unavailable(String id, String reason) {
        return new ResolvedProbe(id, null, null, null, reason);
    }

    public boolean available() {
        return variant != null;
    }
}
