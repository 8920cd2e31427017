package dev.uringlab.orchestrator.host;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** local / smt-sibling / same-node / remote-node from the IRQ layout, and why a host cannot offer one. */
class NumaCpuSetsTest {

    private static TargetTopology target(HostFs fs, String disk) {
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        return new TargetTopology(disk, locator.irqsOf(disk), locator.onlineCpus());
    }

    private static String resolve(String set, HostFs fs, String disk) throws HostException {
        return CpuList.format(CpuSetResolver.resolve(set, target(fs, disk), fs));
    }

    @Test
    void serverPlacementsRelativeToTheNvmeInterrupts() throws Exception {
        HostFs fs = Fixtures.SERVER;
        assertEquals("0,5,10,15", resolve("local", fs, "nvme0n1"));
        assertEquals("20,25,30,35", resolve("smt-sibling", fs, "nvme0n1"));
        assertEquals("1-4,6-9,20-29", resolve("same-node", fs, "nvme0n1"), "node 0 (the device's) minus IRQ CPUs");
        assertEquals("10-19,30-39", resolve("remote-node", fs, "nvme0n1"));
        assertEquals("0,5,10,15", resolve("irq", fs, "nvme0n1"));
        assertEquals(36, CpuSetResolver.resolve("non-irq", target(fs, "nvme0n1"), fs).size());
        assertEquals("3,7", resolve("3,7", fs, "nvme0n1"));
    }

    @Test
    void vmCannotOfferSiblingsOrARemoteNode() throws Exception {
        HostFs fs = Fixtures.VM;
        assertEquals("1", resolve("local", fs, "vda"));
        assertEquals("0", resolve("same-node", fs, "vda"), "numa_node -1 on a one-node host means node 0");
        HostException remote = assertThrows(HostException.class, () -> resolve("remote-node", fs, "vda"));
        assertEquals("cpus: 'remote-node' cannot be placed on this host: it has one NUMA node (node0: 0-1), so no CPU"
                + " is remote from vda", remote.getMessage());
        HostException smt = assertThrows(HostException.class, () -> resolve("smt-sibling", fs, "vda"));
        assertEquals("cpus: 'smt-sibling' cannot be placed on this host: SMT is off or absent, each CPU is its own core"
                + " (thread_siblings_list)", smt.getMessage());
    }

    @Test
    void theTwoArgumentFormSaysItCannotResolveNumaSets() throws Exception {
        HostException e = assertThrows(HostException.class, () -> CpuSetResolver.resolve("same-node", target(Fixtures.VM, "vda")));
        assertTrue(e.getMessage().contains("needs the host's NUMA and SMT layout"), e.getMessage());
    }
}
