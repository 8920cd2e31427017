package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostProbeSupportTest {

    @Test
    void thisVmHasTracepointsAndSymbolsButNoKprobes() {
        HostProbeSupport vm = HostProbeSupport.detect(FakeHosts.vm());
        assertFalse(vm.kprobesUsable());
        assertTrue(vm.tracefsMounted());
        assertTrue(vm.hasTracepoint("ipi:ipi_send_cpu"));
        assertTrue(vm.hasTracepoint("io_uring:io_uring_create"));
        assertFalse(vm.hasTracepoint("ipi:ipi_send_nowhere"));
        assertTrue(vm.hasKernelSymbol("kick_process"));
        assertFalse(vm.hasKernelSymbol("nvme_irq"));
    }

    @Test
    void bareMetalUsesDebugfsTracingAndModuleSymbols() {
        HostProbeSupport host = HostProbeSupport.detect(FakeHosts.bareMetal());
        assertTrue(host.kprobesUsable());
        assertTrue(host.hasTracepoint("irq:irq_handler_entry"));
        assertTrue(host.hasKernelSymbol("nvme_irq"), "module symbols end in \\t[module]");
        assertFalse(host.hasKernelSymbol("io_issue_sqe"));
    }

    @Test
    void missingTracefsGivesTheMountCommand() {
        HostProbeSupport host = HostProbeSupport.detect(FakeHosts.noTracefs());
        assertFalse(host.tracefsMounted());
        assertEquals(Optional.of("tracefs not mounted: mount -t tracefs tracefs /sys/kernel/tracing"), host.tracefsProblem());
    }
}
