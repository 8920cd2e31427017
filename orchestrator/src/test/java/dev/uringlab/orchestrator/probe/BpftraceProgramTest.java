package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpftraceProgramTest {

    private static final ResolvedProbe IRQ = new ResolvedProbe("irq_per_cpu", "tracepoint", "m",
            "tracepoint:irq:irq_handler_entry { $irq = args->irq; if ({{irqs}}) { @irq_per_cpu[cpu] = count(); } }\n", null);
    private static final ResolvedProbe ENTER = new ResolvedProbe("io_uring_enter", "tracepoint", "m",
            "tracepoint:syscalls:sys_enter_io_uring_enter { @io_uring_enter[cpu] = count(); }\n", null);

    @Test
    void mergesAvailableProbesAndFillsTokens() {
        String program = BpftraceProgram.merge(
                List.of(IRQ, ResolvedProbe.unavailable("wake_up_state", "kprobe: ..."), ENTER),
                Map.of(BpftraceProgram.IRQS, BpftraceProgram.irqFilter(List.of(36, 37))));
        assertTrue(program.contains("if ($irq == 36 || $irq == 37) {"), program);
        assertTrue(program.contains("// probe io_uring_enter (tracepoint)\ntracepoint:syscalls:sys_enter_io_uring_enter"));
        assertFalse(program.contains("wake_up_state"));
        assertFalse(program.contains("{{"));
    }

    @Test
    void missingTemplateValueNamesProbeAndToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BpftraceProgram.merge(List.of(ENTER, IRQ), Map.of()));
        assertEquals("probe irq_per_cpu needs a value for template token {{irqs}}", e.getMessage());
    }

    @Test
    void irqFilterNeedsAtLeastOneIrq() {
        assertThrows(IllegalArgumentException.class, () -> BpftraceProgram.irqFilter(List.of()));
        assertEquals("$irq == 36", BpftraceProgram.irqFilter(List.of(36)));
    }
}
