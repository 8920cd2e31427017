package dev.uringlab.orchestrator.host;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyReportTest {

    @Test
    void serverTableShowsNodesSiblingsQueuesAndWhereTheIrqsLand() {
        String table = TopologyReport.render(TopologyReport.read(Fixtures.SERVER));
        assertTrue(table.contains("NUMA node 0   0-9,20-29"), table);
        assertTrue(table.contains("SMT          on, siblings 0,20 1,21"), table);
        assertTrue(table.contains("block device nvme0n1 (NUMA node 0): 40 hardware queue(s), IRQs land on CPU(s) 0,5,10,15"), table);
        assertTrue(table.contains("  0        0-4,20-24"), table);
        assertTrue(table.contains("  122    nvme0q2            CPU 5      5-9,25-29"), table);
        assertTrue(table.contains("nvme module  loaded, io_queue_depth=1024 poll_queues=36 write_queues=0"), table);
        assertTrue(table.contains("irqbalance   running"), table);
        assertTrue(table.contains("cpuidle      intel_idle (governor menu): POLL 0 µs, C1 2 µs, C1E 10 µs, C6 133 µs;"
                + " no latency limit on CPU 0-39"), table);
    }

    @Test
    void vmReportHasVdaOnCpu1() {
        Map<String, Object> report = TopologyReport.read(Fixtures.VM);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) report.get("block_devices");
        assertEquals(1, devices.size());
        assertEquals("vda", devices.get(0).get("name"));
        assertEquals("1", devices.get(0).get("irq_cpus"));
        assertEquals(Map.of("0", "0-1"), devices.get(0).get("hw_queues"));
        String table = TopologyReport.render(report);
        assertTrue(table.contains("SMT          notsupported, no siblings (one thread per core)"), table);
        assertTrue(table.contains("nvme module  not loaded"), table);
        assertTrue(table.contains("cpuidle      haltpoll (governor haltpoll, guest_halt_poll_ns=0): POLL 0 µs,"
                + " haltpoll idle 1 µs; no latency limit on CPU 0-1"), table);
    }
}
