package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopologyLoaderTest {

    @Test
    void presetsLoad() throws ConfigException {
        Topology t = TopologyLoader.load("thesis-in-small");
        assertEquals(4, t.cpus());
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), t.numaNodes());
        assertEquals(new Topology.Nvme("lab0", 2, 1L << 30, OptionalInt.of(0)), t.nvme().get(0));
        assertEquals(1, TopologyLoader.load("one-queue").nvme().get(0).queuePairs());
        assertEquals(List.of(List.of(0, 1, 2, 3)), TopologyLoader.load("one-queue").numaNodes());
        assertEquals(OptionalInt.of(1), TopologyLoader.load("nvme-2node").nvme().get(0).node());
    }

    @Test
    void moduleParametersAreKept() throws ConfigException {
        Topology t = TopologyLoader.parse("x", "x.yaml", """
                cpus: 2
                memory: 1g
                nvme: [{queue_pairs: 2, size: 256m}]
                modules: {nvme: {poll_queues: 1}}
                """);
        assertEquals("1", t.moduleParams().get("nvme").get("poll_queues"));
        assertEquals("lab0", t.nvme().get(0).serial());
    }

    @Test
    void mistakesNameFileLineAndColumn() {
        assertError("t.yaml:4:5: unknown key 'queue_pair' in nvme[0] (did you mean 'queue_pairs'?)", """
                cpus: 4
                memory: 2g
                nvme:
                  - queue_pair: 2
                    size: 1g
                """);
        assertError("t.yaml:5:11: numa_nodes[1].cpus: CPU 4 does not exist (cpus: 4 means 0-3)", """
                cpus: 4
                memory: 2g
                numa_nodes:
                  - cpus: 0-1
                  - cpus: 2-4
                nvme: [{queue_pairs: 1, size: 1g}]
                """);
        assertError("t.yaml:1:7: numa_nodes: CPUs 3 are in no node (every CPU must be in exactly one)", """
                cpus: 4
                memory: 2g
                numa_nodes:
                  - cpus: 0-1
                  - cpus: 2
                nvme: [{queue_pairs: 1, size: 1g}]
                """);
        assertError("t.yaml:2:9: memory: at least 512m (the guest runs a JVM), got 256m", """
                cpus: 4
                memory: 256m
                nvme: [{queue_pairs: 1, size: 1g}]
                """);
        assertError("t.yaml:3:53: nvme[0].node: the topology has one NUMA node; declare numa_nodes first", """
                cpus: 4
                memory: 2g
                nvme: [{queue_pairs: 1, size: 1g, serial: ab, node: 1}]
                """);
        assertError("t.yaml:1:7: cpus: expected a whole number 1-64, got '0'", "cpus: 0\nmemory: 2g\nnvme: []\n");
        assertError("t.yaml:1:1: missing key 'nvme'", "cpus: 2\nmemory: 2g\n");
    }

    @Test
    void unknownPresetSuggestsOne() {
        ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.load("thesis-in-smal"));
        assertEquals("--topology thesis-in-smal: neither a preset (thesis-in-small, one-queue, nvme-2node) nor a file "
                + "(did you mean 'thesis-in-small'?)", e.getMessage());
    }

    private static void assertError(String expected, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.parse("t", "t.yaml", yaml));
        assertEquals(expected, e.getMessage());
    }
}
