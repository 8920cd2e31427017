package dev.uringlab.orchestrator.host;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockDeviceLocatorTest {

    @Test
    void fileOnTheVmRootFileSystemIsOnVdaWhoseRequestIrqLandsOnCpu1() throws Exception {
        BlockDeviceLocator locator = new BlockDeviceLocator(Fixtures.VM);
        assertEquals(List.of("vda"), locator.disksForPath("/var/tmp/uringlab/scratch.dat"));
        List<DeviceIrq> irqs = locator.irqsOf("vda");
        assertEquals(1, irqs.size(), "the -config vector carries no completions and is left out: " + irqs);
        assertEquals(36, irqs.get(0).irq());
        assertEquals("virtio1-req.0", irqs.get(0).name());
        assertEquals(Set.of(1), irqs.get(0).effectiveCpus());
    }

    @Test
    void partitionOnTheServerLeadsToTheNvmeDiskAndItsIoQueuesWithoutTheAdminQueue() throws Exception {
        BlockDeviceLocator locator = new BlockDeviceLocator(Fixtures.SERVER);
        assertEquals(List.of("nvme0n1"), locator.disksForPath("/data/scratch.dat"));
        List<DeviceIrq> irqs = locator.irqsOf("nvme0n1");
        assertEquals(List.of(121, 122, 123, 124), irqs.stream().map(DeviceIrq::irq).toList());
        assertEquals(List.of("nvme0q1", "nvme0q2", "nvme0q3", "nvme0q4"), irqs.stream().map(DeviceIrq::name).toList());
        assertEquals(List.of("nvme0n1"), locator.disksForDevice("/dev/nvme0n1p1"));
    }

    @Test
    void nvmeMultipathHeadFindsItsControllersInterrupts() throws Exception {
        BlockDeviceLocator locator = new BlockDeviceLocator(Fixtures.NVME_MULTIPATH);
        assertEquals(List.of("nvme0n1"), locator.disksForPath("/data/scratch.dat"));
        List<DeviceIrq> irqs = locator.irqsOf("nvme0n1");
        assertEquals(List.of(41, 42), irqs.stream().map(DeviceIrq::irq).toList(), "the admin queue nvme0q0 is left out");
        TargetTopology topology = new TargetTopology("nvme0n1", irqs, locator.onlineCpus());
        assertEquals("0,2", CpuList.format(CpuSetResolver.resolve("irq", topology)));
        assertEquals("1,3", CpuList.format(CpuSetResolver.resolve("non-irq", topology)));
    }

    @Test
    void aFileOutsideTheDataMountIsOnTheSataRootDisk() throws Exception {
        assertThrows(HostException.class, () -> new BlockDeviceLocator(Fixtures.SERVER).disksForPath("/home/x"),
                "sda is not modelled in the fixture, so the root file system has no block device to follow");
    }

    @Test
    void unknownDeviceIsAClearError() {
        HostException e = assertThrows(HostException.class,
                () -> new BlockDeviceLocator(Fixtures.VM).disksForDevice("/dev/nvme9n1"));
        assertTrue(e.getMessage().contains("/dev/nvme9n1: no such block device"), e.getMessage());
    }

    @Test
    void symbolicCpuSetsResolveFromTheIrqLayout() throws Exception {
        BlockDeviceLocator vm = new BlockDeviceLocator(Fixtures.VM);
        TargetTopology vmTopology = new TargetTopology("vda", vm.irqsOf("vda"), vm.onlineCpus());
        assertEquals(new TreeSet<>(Set.of(1)), CpuSetResolver.resolve("irq", vmTopology));
        assertEquals(new TreeSet<>(Set.of(0)), CpuSetResolver.resolve("non-irq", vmTopology));
        assertEquals(new TreeSet<>(Set.of(0, 1)), CpuSetResolver.resolve("all", vmTopology));

        BlockDeviceLocator server = new BlockDeviceLocator(Fixtures.SERVER);
        TargetTopology serverTopology = new TargetTopology("nvme0n1", server.irqsOf("nvme0n1"), server.onlineCpus());
        assertEquals("0,5,10,15", CpuList.format(CpuSetResolver.resolve("irq", serverTopology)));
        assertEquals(36, CpuSetResolver.resolve("non-irq", serverTopology).size());
    }

    @Test
    void aSetThatResolvesToNothingSaysWhy() {
        TargetTopology everyCpuInterrupted = new TargetTopology("vda",
                List.of(new DeviceIrq(36, "virtio1-req.0", new TreeSet<>(Set.of(0, 1)))), new TreeSet<>(Set.of(0, 1)));
        HostException e = assertThrows(HostException.class, () -> CpuSetResolver.resolve("non-irq", everyCpuInterrupted));
        assertEquals("cpus: 'non-irq' resolves to no CPU on this host: the interrupts of vda land on CPU(s) 0-1 of online"
                + " 0-1, so no CPU is free of them", e.getMessage());
        HostException offline = assertThrows(HostException.class,
                () -> CpuSetResolver.resolve("3", everyCpuInterrupted));
        assertTrue(offline.getMessage().contains("CPU(s) 3 that are not online"), offline.getMessage());
    }

    @Test
    void cpuListRoundTrips() {
        assertEquals("0-3,8,10-11", CpuList.format(CpuList.parse("0,1,2,3,8,10-11")));
        assertEquals(Set.of(), CpuList.parse(""));
    }
}
