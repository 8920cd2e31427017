package dev.uringlab.orchestrator.host;

import dev.uringlab.orchestrator.host.knob.HostTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostSnapshotTest {

    @Test
    void recordsTheStateARunRanUnder() {
        Map<String, Object> s = HostSnapshot.take(Fixtures.SERVER, "nvme0n1").toMap();
        assertEquals("0-39", s.get("online_cpus"));
        assertEquals(Map.of("name", "nvme0q2", "effective", "5", "affinity", "5-9,25-29"),
                ((Map<?, ?>) s.get("irqs")).get("122"));
        Map<?, ?> nvme = (Map<?, ?>) s.get("nvme");
        assertEquals("36", ((Map<?, ?>) nvme.get("params")).get("poll_queues"));
        assertEquals(Map.of("hw", 40, "irq", 4, "poll", 36), ((Map<?, ?>) nvme.get("queues")).get("nvme0n1"));
        assertEquals("running", s.get("irqbalance"));
        assertEquals(Map.of("powersave", "0-39"), s.get("governors"));
        assertEquals("on", s.get("turbo"));
        assertEquals("on", s.get("smt"));
        assertEquals(Map.of("driver", "intel_idle", "governor", "menu", "latency_limit_us", Map.of("0", "0-39")),
                s.get("cpuidle"));
        Map<String, Object> vm = HostSnapshot.take(Fixtures.VM, "vda").toMap();
        assertEquals("1", ((Map<?, ?>) ((Map<?, ?>) vm.get("irqs")).get("36")).get("effective"));
        assertEquals("stopped", vm.get("irqbalance"));
        assertEquals(Map.of("driver", "haltpoll", "governor", "haltpoll", "latency_limit_us", Map.of("0", "0-1")),
                vm.get("cpuidle"));
    }

    @Test
    void diffFlagsAnIrqThatMovedDuringTheRun(@TempDir Path dir) throws Exception {
        Path root = HostTrees.copy(HostTrees.SERVER, dir.resolve("server"));
        HostFs fs = new HostFs(root);
        HostSnapshot before = HostSnapshot.take(fs, "nvme0n1");
        assertEquals(List.of(), HostSnapshot.diff(before, HostSnapshot.take(fs, "nvme0n1")));
        Files.writeString(root.resolve("proc/irq/121/effective_affinity_list"), "3\n");
        Files.delete(root.resolve("run/irqbalance.pid"));
        Files.writeString(root.resolve("proc/1234/comm"), "bash\n");
        Files.writeString(root.resolve("sys/devices/system/cpu/cpu7/power/pm_qos_resume_latency_us"), "n/a\n");
        assertEquals(List.of("cpuidle.latency_limit_us.0 changed: 0-39 -> 0-6,8-39",
                "cpuidle.latency_limit_us.n/a changed: absent -> 7",
                "irqbalance changed: running -> stopped", "IRQ 121 moved from CPU 0 to CPU 3"),
                HostSnapshot.diff(before, HostSnapshot.take(fs, "nvme0n1")));
    }
}
