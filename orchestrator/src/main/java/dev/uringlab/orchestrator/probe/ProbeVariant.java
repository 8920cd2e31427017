package dev.uringlab.orchestrator.probe;

import java.util.List;

/**
 * One way to implement a probe: {@code kprobe} (exact, as the thesis measured) or
 * {@code tracepoint}. {@code requires} are bpftrace attach points such as
 * {@code kretprobe:wake_up_state} or {@code tracepoint:ipi:ipi_send_cpu}; {@code meaning} says
 * honestly what this variant counts, since variants of one probe differ.
 */
public record ProbeVariant(String name, List<String> requires, String meaning, String body) {
    public ProbeVariant {
        requires = List.copyOf(requires);
    }
}
