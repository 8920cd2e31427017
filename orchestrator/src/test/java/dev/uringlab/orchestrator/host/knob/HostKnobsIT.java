package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.cli.TopologyCommand;
import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.CpuSetResolver;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.HostWriteException;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.TopologyReport;
import dev.uringlab.orchestrator.testing.HostCapability;
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
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real host (root): drop_caches empties the page cache, moving the disk's IRQ is refused or applied and
 * restored, an idle latency limit of 0 turns CPU 1's halts into polls until it is restored (or is refused without
 * a cpuidle driver), and topology reports where the disk's interrupts land. What the host can do is read from it,
 * never assumed: see {@link HostCapability}.
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

    /** The disk holding /var/tmp (vda on the lab VMs, but any name will do) and its interrupts. */
    private static TargetTopology scratchDisk(HostFs fs) throws HostException {
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        List<String> disks = locator.disksForPath("/var/tmp");
        assertEquals(1, disks.size(), "/var/tmp is on one disk: " + disks);
        return new TargetTopology(disks.get(0), locator.irqsOf(disks.get(0)), locator.onlineCpus());
    }

    /**
     * Hypervisors and kernels differ in whether a disk IRQ may move (EPERM here; EIO for managed
     * vectors; allowed on many hosts): where the kernel refuses, one line names the file and errno
     * and nothing changes; where it accepts, the IRQ moves and the journal puts it back.
     */
    @Test
    void movingTheDiskIrqIsAppliedAndRestoredOrRefusedWithNothingChanged() throws Exception {
        Prerequisites.requireRoot();
        HostFs fs = HostFs.real();
        TargetTopology disk = scratchDisk(fs);
        HostCapability.either("interrupts found for " + disk.disk(), !disk.irqs().isEmpty(), () -> {
            DeviceIrq irq = disk.irqs().get(0);
            String file = "/proc/irq/" + irq.irq() + "/smp_affinity_list";
            String before = Files.readString(Path.of(file));
            SortedSet<Integer> elsewhere = new TreeSet<>(disk.onlineCpus());
            elsewhere.removeAll(irq.effectiveCpus());
            SortedSet<Integer> target = elsewhere.isEmpty() ? disk.onlineCpus() : new TreeSet<>(Set.of(elsewhere.first()));
            KnobContext ctx = KnobContext.forHost(fs);
            Journal journal = Journal.create(dir, Path.of("/"));
            HostKnob knob = IrqAffinityKnob.forDevice(ctx, disk, "*", target).get(0);
            HostWriteException refused = null;
            try {
                knob.apply(journal);
            } catch (HostWriteException e) {
                refused = e;
            }
            HostWriteException e = refused;
            HostCapability.either("movable IRQ " + irq.irq() + " (" + irq.name() + ")", e == null, () -> {
                assertEquals(CpuList.format(target), Files.readString(Path.of(file)).strip());
                assertEquals(1, journal.pending().size(), "the change is journaled");
                Restorer.Report report = Restorer.restore(Journal.open(journal.file()), ctx);
                assertTrue(report.ok(), report.failures().toString());
                assertEquals(before, Files.readString(Path.of(file)), "restored");
            }, () -> {
                assertTrue(Set.of("EPERM", "EIO").contains(e.errno()), e.getMessage());
                assertTrue(e.getMessage().contains("cannot write " + CpuList.format(target) + " to " + file + ": "),
                        e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertEquals(before, Files.readString(Path.of(file)));
                assertTrue(journal.pending().isEmpty(), "the refused change is marked as never made");
                assertEquals(0, Restorer.restore(Journal.open(journal.file()), ctx).restored());
            });
        }, () -> {
            HostException e = assertThrows(HostException.class, () -> CpuSetResolver.resolve("irq", disk));
            assertTrue(e.getMessage().contains("no interrupts were found for device " + disk.disk()), e.getMessage());
        });
    }

    private static long usage(int cpu, int state) throws Exception {
        return Long.parseLong(Files.readString(Path.of("/sys/devices/system/cpu/cpu" + cpu + "/cpuidle/state" + state
                + "/usage")).strip());
    }

    /** Entries into CPU 1's idle states other than POLL, the ones that halt the CPU (and may stop the NOHZ tick). */
    private static long halts(List<CpuIdle.State> states) throws Exception {
        long sum = 0;
        for (int i = 0; i < states.size(); i++) {
            if (!states.get(i).name().equals("POLL")) {
                sum += usage(1, i);
            }
        }
        return sum;
    }

    /**
     * With a cpuidle driver (haltpoll on the lab VMs; intel_idle or acpi_idle on metal): a limit of 0
     * leaves CPU 1 only its POLL state until the journal restores it. Without one (the arch's default
     * idle ignores PM QoS), the knob refuses before writing anything.
     */
    @Test
    void idleLatencyZeroKeepsTheCpuPollingUntilRestored() throws Exception {
        Prerequisites.requireRoot();
        HostFs fs = HostFs.real();
        String driver = CpuIdle.driver(fs);
        String file = CpuIdle.limitFile(1);
        String before = Files.exists(Path.of(file)) ? Files.readString(Path.of(file)).strip() : "absent";
        KnobContext ctx = KnobContext.forHost(fs);
        Journal journal = Journal.create(dir, Path.of("/"));
        IdleLatencyKnob knob = new IdleLatencyKnob(ctx, 1, 0);
        HostCapability.either("cpuidle driver (" + driver + ")", !driver.equals("none"), () -> {
            List<CpuIdle.State> states = CpuIdle.states(fs, 1);
            assertEquals("POLL", states.get(0).name(), "x86 cpuidle drivers list POLL first: " + states);
            assertTrue(states.size() > 1, "a driver with a state that halts: " + states);
            try {
                knob.check();
                knob.apply(journal);
                assertEquals("n/a", Files.readString(Path.of(file)).strip());
                long poll0 = usage(1, 0);
                long halt0 = halts(states);
                Thread.sleep(500);
                assertTrue(usage(1, 0) > poll0, "CPU 1 idled without polling");
                assertEquals(halt0, halts(states), "CPU 1 halted although it may not incur any exit latency");
            } finally {
                // No journal when CPU 1 already held the limit (another sweep on the host): nothing to undo.
                if (Files.exists(journal.file())) {
                    Restorer.Report report = Restorer.restore(Journal.open(journal.file()), ctx);
                    assertTrue(report.ok(), report.failures().toString());
                }
            }
            assertEquals(before, Files.readString(Path.of(file)).strip());
            long halt1 = halts(states);
            Thread.sleep(500);
            assertTrue(halts(states) > halt1, "CPU 1 no longer halts after the restore");
        }, () -> {
            HostException e = assertThrows(HostException.class, knob::check);
            assertTrue(e.getMessage().contains("this host has no cpuidle driver"), e.getMessage());
            assertTrue(journal.pending().isEmpty(), "nothing journaled");
            assertEquals(before, Files.exists(Path.of(file)) ? Files.readString(Path.of(file)).strip() : "absent");
        });
    }

    /** Whichever CPU(s) the hypervisor gives the disk's interrupts (CPU 1 on the lab VMs seen so far), topology says so. */
    @Test
    void topologyShowsWhereTheDiskInterruptsLand() throws Exception {
        HostFs fs = HostFs.real();
        TargetTopology disk = scratchDisk(fs);
        SortedSet<Integer> expected = new TreeSet<>();
        for (DeviceIrq irq : disk.irqs()) {
            // Read here, not through the locator, so the test does not take the product's word for it.
            expected.addAll(CpuList.parse(Files.readString(Path.of("/proc/irq/" + irq.irq() + "/effective_affinity_list")).strip()));
        }
        Map<String, Object> report = TopologyReport.read(fs);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) report.get("block_devices");
        Map<String, Object> entry = devices.stream().filter(d -> d.get("name").equals(disk.disk())).findFirst()
                .orElseThrow(() -> new AssertionError(disk.disk() + " missing from " + devices));
        assertEquals(CpuList.format(expected), entry.get("irq_cpus"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TopologyCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute());
        String text = out.toString();
        HostCapability.either("interrupts found for " + disk.disk(), !disk.irqs().isEmpty(), () -> {
            assertTrue(text.contains("IRQs land on CPU(s) " + CpuList.format(expected)), text);
            for (DeviceIrq irq : disk.irqs()) {
                assertTrue(text.matches("(?s).*\\n\\s+" + irq.irq() + "\\s+" + Pattern.quote(irq.name()) + "\\s+CPU "
                        + Pattern.quote(CpuList.format(irq.effectiveCpus())) + " .*"), text);
            }
        }, () -> assertTrue(text.contains("IRQs land on CPU(s) none") && text.contains("no interrupts found"), text));
    }
}
