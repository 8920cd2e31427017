package dev.uringlab.orchestrator.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the one bpftrace program of a run from resolved probes (one compile, one attach).
 * Probe bodies may contain template tokens {@code {{name}}}; every token must get a value.
 */
public final class BpftraceProgram {

    /** Token of irq_per_cpu: a boolean expression over {@code $irq}; see {@link #irqFilter}. */
    public static final String IRQS = "irqs";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z_]+)}}");

    private BpftraceProgram() {
    }

    public static String merge(List<ResolvedProbe> probes, Map<String, String> templateValues) {
        StringBuilder program = new StringBuilder();
        for (ResolvedProbe probe : probes) {
            if (!probe.available()) {
                continue;
            }
            program.append("// probe ").append(probe.id()).append(" (").append(probe.variant()).append(")\n");
            program.append(fill(probe, templateValues)).append('\n');
        }
        return program.toString();
    }

    /**
     * The variant body with {@code condition} added to its probe's predicate (or as its predicate):
     * how task-scoped probes are limited to the workload's cgroup. A body must be one probe block.
     */
    public static String scoped(String body, String condition) {
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("{")) {
                if (open >= 0) {
                    throw new IllegalArgumentException("more than one probe block; a scoped variant must have one");
                }
                open = i;
            }
        }
        if (open < 0) {
            throw new IllegalArgumentException("no probe block ('{' on its own line) to scope");
        }
        String before = open > 0 ? lines.get(open - 1).strip() : "";
        if (before.length() > 1 && before.startsWith("/") && before.endsWith("/")) {
            lines.set(open - 1, "/(" + before.substring(1, before.length() - 1) + ") && (" + condition + ")/");
        } else {
            lines.add(open, "/" + condition + "/");
        }
        return String.join("\n", lines);
    }

    /** {@code $irq == 36 || $irq == 37}: the value for {@code {{irqs}}}. */
    public static String irqFilter(List<Integer> irqs) {
        if (irqs.isEmpty()) {
            throw new IllegalArgumentException("irq_per_cpu needs at least one IRQ number of the target device");
        }
        return irqs.stream().map(irq -> "$irq == " + irq).collect(Collectors.joining(" || "));
    }

    private static String fill(ResolvedProbe probe, Map<String, String> values) {
        Matcher m = TOKEN.matcher(probe.body());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("probe " + probe.id() + " needs a value for template token {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
