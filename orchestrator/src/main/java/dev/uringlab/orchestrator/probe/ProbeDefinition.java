package dev.uringlab.orchestrator.probe;

import java.util.List;
import java.util.Optional;

/**
 * One logical probe from {@code probes/<id>.bt}. {@code noKprobe}/{@code noTracepoint} hold the
 * documented reason a variant is missing (empty when the variant exists or no reason was given).
 * {@code scope} says whether the events fire in the workload's tasks ({@code task}) or anywhere ({@code system}).
 * {@code prefer} is the variant tried first ({@code @prefer:}, default kprobe, the thesis' exact form).
 */
public record ProbeDefinition(String id, String counts, String thesis, String keys, String output, String usage,
                              String sample, List<ProbeVariant> variants, String noKprobe, String noTracepoint, String prefer,
                              String scope, String sourceFile) {

    /** Fires in the workload's own tasks (syscalls, io_uring submission, io-wq): can be limited to the workload. */
    public static final String TASK = "task";
    /** Fires wherever the kernel is (interrupts, IPIs, timer ticks): always counted system-wide. */
    public static final String SYSTEM = "system";

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
