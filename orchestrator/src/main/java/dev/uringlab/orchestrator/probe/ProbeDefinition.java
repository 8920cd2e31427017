package dev.uringlab.orchestrator.probe;

import java.util.List;
import java.util.Optional;

/**
 * One logical probe from {@code probes/<id>.bt}. {@code noKprobe}/{@code noTracepoint} hold the
 * documented reason a variant is missing (empty when the variant exists or no reason was given).
 * {@code prefer} is the variant tried first ({@code @prefer:}, default kprobe, the thesis' exact form).
 */
public record ProbeDefinition(String id, String counts, String thesis, String keys, String output, String usage,
                              String sample, List<ProbeVariant> variants, String noKprobe, String noTracepoint, String prefer,
                              String sourceFile) {

    public ProbeDefinition {
        variants = List.copyOf(variants);
    }

    public Optional<ProbeVariant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Variant names in the order the resolver tries them. */
    public List<String> preferenceOrder() {
        return prefer.equals("tracepoint") ? List.of("tracepoint", "kprobe") : List.of("kprobe", "tracepoint");
    }

    public List<String> variantNames() {
        return variants.stream().map(ProbeVariant::name).toList();
    }
}
