package dev.uringlab.orchestrator.probe;

import java.util.Optional;

/**
 * One variant of a built-in probe as a standalone bpftrace script, for running by hand. Template
 * tokens such as {@code {{irqs}}} are left in place for the user to fill.
 */
public final class ProbeScriptPrinter {

    private ProbeScriptPrinter() {
    }

    /**
     * @param variant the variant to print; empty: the one this host would run, else the probe's first
     * @throws IllegalArgumentException naming the unknown probe or variant and what exists
     */
    public static String script(ProbeCatalog catalog, HostProbeSupport host, String id, Optional<String> variant) {
        ProbeDefinition probe = catalog.find(id).orElseThrow(() -> new IllegalArgumentException("unknown probe " + id
                + catalog.suggest(id).map(s -> ", did you mean " + s + "?").orElse("") + " (uringlab probes lists them)"));
        String name = variant.orElseGet(() -> {
            ResolvedProbe here = ProbeResolver.resolve(probe, host, Optional.empty());
            return here.available() ? here.variant() : probe.variantNames().get(0);
        });
        ProbeVariant chosen = probe.variant(name).orElseThrow(() -> new IllegalArgumentException("probe " + id
                + " has no variant " + name + " (variants: " + String.join(", ", probe.variantNames()) + ")"));
        return "// " + id + " (" + name + "): " + chosen.meaning() + "\n" + chosen.body();
    }
}
