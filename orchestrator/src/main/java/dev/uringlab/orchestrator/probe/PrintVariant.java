package dev.uringlab.orchestrator.probe;

import java.util.Optional;

/**
 * Prints one variant of a built-in probe as a standalone bpftrace script, for running by hand:
 * {@code java -cp uringlab.jar dev.uringlab.orchestrator.probe.PrintVariant kick_process tracepoint > k.bt}.
 * Template tokens such as {@code {{irqs}}} are left in place for the user to fill.
 */
public final class PrintVariant {

    private PrintVariant() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PrintVariant <probe-id> <kprobe|tracepoint>");
            System.exit(2);
        }
        ProbeCatalog catalog = ProbeCatalog.builtin();
        Optional<ProbeDefinition> probe = catalog.find(args[0]);
        if (probe.isEmpty()) {
            System.err.println("unknown probe " + args[0]
                    + catalog.suggest(args[0]).map(s -> ", did you mean " + s + "?").orElse(""));
            System.exit(2);
        }
        Optional<ProbeVariant> variant = probe.get().variant(args[1]);
        if (variant.isEmpty()) {
            System.err.println("probe " + args[0] + " has no variant " + args[1] + " (variants: "
                    + String.join(", ", probe.get().variantNames()) + ")");
            System.exit(2);
        }
        System.out.println("// " + args[0] + " (" + args[1] + "): " + variant.get().meaning());
        System.out.print(variant.get().body());
    }
}
