package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.cli.TopologyCommand;
import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.HostWriteException;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.TopologyReport;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On this machine (the lab VM, root): drop_caches works, IRQ affinity is refused with EPERM, vda's IRQ is on CPU 1,
 * and an idle latency limit of 0 turns CPU 1's halts into polls until it is restored.
 */
class HostKnobsIT {

    @TempDir
    Path dir;

    private static long cachedKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("Cached:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new AssertionError("no Cached: in /proc/meminfo");
    }

    @Test
    void dropCachesEmptiesThePageCacheForReal() throws Exception {
        Prerequisites.requireRoot();
        Path big = Files.createTempFile(Path.of("/var/tmp"), "uringlab-dropcaches", ".dat");
        try {
            byte[] mb = new byte[1 << 20];
            new java.util.Random(1).nextBytes(mb);
            try (var out = Files.newOutputStream(big)) {
                for (int i = 0; i < 128; i++) {
                    out.write(mb);
                }
            }
            Files.readAllBytes(big); // now cached
            long before = cachedKb();
            KnobContext ctx = KnobContext.forHost(HostFs.real());
            Journal journal = Journal.create(dir, Path.of("/"));
            new DropCachesKnob(ctx).apply(journal);
            long after = cachedKb();
            assertTrue(before - after > 64 * 1024, "Cached went from " + before + " kB to " + after + " kB");
            assertFalse(Files.exists(journal.file()), "drop_caches has nothing to restore, so nothing is journaled");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void movingTheDiskIrqIsRefusedWithEpermAndChangesNothing() throws Exception {
        Prerequisites.requireRoot();
        HostFs fs = HostFs.real();
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        List<String> disks = locator.disksForPath("/var/tmp");
        Prerequisites.require(disks.equals(List.of("vda")), "the lab VM's root disk is vda (found " + disks + ")");
        TargetTopology vda = new TargetTopology("vda", locator.irqsOf("vda"), locator.onlineCpus());
        DeviceIrq irq = vda.irqs().get(0);
        String file = "/proc/irq/" + irq.irq() + "/smp_affinity_list";
        String before = Files.readString(Path.of(file));
        KnobContext ctx = KnobContext.forHost(fs);
        Journal journal = Journal.create(dir, Path.of("/"));
        List<HostKnob> knobs = IrqAffinityKnob.forDevice(ctx, vda, "*", CpuList.parse("0"));
        HostWriteException e = assertThrows(HostWriteException.class, () -> knobs.get(0).apply(journal));
        assertEquals("EPERM", e.errno(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot write 0 to " + file + ": Operation not permitted (EPERM)"), e.getMessage());
        assertEquals(before, Files.readString(Path.of(file)));
        assertTrue(journal.pending().isEmpty(), "the refused change is marked as never made");
        assertEquals(0, Restorer.restore(Journal.open(journal.file()), ctx).restored());
    }

    private static long idleUsage(int cpu, int state) throws Exception {
        return Long.parseLong(Files.readString(Path.of("/sys/devices/system/cpu/cpu" + cpu + "/cpuidle/state" + state
                + "/usage")).strip());
    }

    /** The lab VM's haltpoll driver: state0 is POLL, state1 halts (and stops the NOHZ tick). */
    @Test
    void idleLatencyZeroKeepsTheCpuPollingUntilRestored() throws Exception {
        Prerequisites.requireRoot();
        HostFs fs = HostFs.real();
        Prerequisites.require(CpuIdle.driver(fs).equals("haltpoll"), "the lab VM's cpuidle driver is haltpoll (found "
                + CpuIdle.driver(fs) + ")");
        String file = CpuIdle.limitFile(1);
        String before = Files.readString(Path.of(file)).strip();
        KnobContext ctx = KnobContext.forHost(fs);
        Journal journal = Journal.create(dir, Path.of("/"));
        try {
            new IdleLatencyKnob(ctx, 1, 0).apply(journal);
            assertEquals("n/a", Files.readString(Path.of(file)).strip());
            long poll0 = idleUsage(1, 0);
            long halt0 = idleUsage(1, 1);
            Thread.sleep(500);
            assertTrue(idleUsage(1, 0) > poll0, "CPU 1 idled without polling");
            assertEquals(halt0, idleUsage(1, 1), "CPU 1 halted although it may not incur any exit latency");
        } finally {
            Restorer.Report report = Restorer.restore(Journal.open(journal.file()), ctx);
            assertTrue(report.ok(), report.failures().toString());
        }
        assertEquals(before, Files.readString(Path.of(file)).strip());
        long halt1 = idleUsage(1, 1);
        Thread.sleep(500);
        assertTrue(idleUsage(1, 1) > halt1, "CPU 1 no longer halts after the restore");
    }

    @Test
    void topologyShowsVdaInterruptsOnCpu1() throws Exception {
        Map<String, Object> report = TopologyReport.read(HostFs.real());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) report.get("block_devices");
        Map<String, Object> vda = devices.stream().filter(d -> d.get("name").equals("vda")).findFirst().orElse(null);
        Prerequisites.require(vda != null, "the lab VM's disk vda is present");
        assertEquals("1", vda.get("irq_cpus"), "LAB-MACHINE.md: virtio1-req.0 is delivered to CPU 1");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TopologyCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute());
        assertTrue(out.toString().contains("IRQs land on CPU(s) 1"), out.toString());
        assertTrue(out.toString().matches("(?s).*\\d+\\s+virtio1-req\\.0\\s+CPU 1 .*"), out.toString());
    }
}
