package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.parse.BpftraceJsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BccSessionTest {

    private static final Path RUNNER = Path.of("/run/x/bcc/uringlab_bcc.py");
    private static final Set<String> IMPLEMENTED = Set.of("irq_per_cpu", "kick_process", "io_uring_enter", "wake_up_state");

    private static ResolvedProbe probe(String id, String variant) {
        return new ResolvedProbe(id, variant, "m", "body", null);
    }

    @Test
    void commandPassesTheResolvedVariantOfEveryAvailableProbe() {
        List<String> cmd = BccSession.command("/usr/bin/python3", RUNNER, List.of(
                probe("kick_process", "tracepoint"),
                ResolvedProbe.unavailable("wake_up_state", "kprobe: no kprobe_events"),
                probe("irq_per_cpu", "tracepoint"),
                probe("io_uring_enter", "tracepoint")), List.of(36, 37), IMPLEMENTED);
        assertEquals(List.of("/usr/bin/python3", "-B", "-u", RUNNER.toString(), "--save-c", "probes.bcc.c",
                "--irqs", "36,37", "kick_process:tracepoint", "irq_per_cpu:tracepoint", "io_uring_enter:tracepoint"), cmd);
    }

    @Test
    void irqsAreLeftOutWhenNoProbeNeedsThem() {
        List<String> cmd = BccSession.command("py", RUNNER, List.of(probe("kick_process", "kprobe")), List.of(), IMPLEMENTED);
        assertFalse(cmd.contains("--irqs"));
        assertEquals("kick_process:kprobe", cmd.get(cmd.size() - 1));
    }

    @Test
    void refusesWhatTheRunnerWouldRefuse() {
        assertEquals("irq_per_cpu needs at least one IRQ number of the target device",
                assertThrows(IllegalArgumentException.class, () -> BccSession.command("py", RUNNER,
                        List.of(probe("irq_per_cpu", "tracepoint")), List.of(), IMPLEMENTED)).getMessage());
        assertEquals("no BCC implementation of probe block_rq_size (probes/bcc/)",
                assertThrows(IllegalArgumentException.class, () -> BccSession.command("py", RUNNER,
                        List.of(probe("block_rq_size", "tracepoint")), List.of(), IMPLEMENTED)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BccSession.command("py", RUNNER,
                List.of(ResolvedProbe.unavailable("wake_up_state", "no")), List.of(), IMPLEMENTED));
    }

    @Test
    void attachedOnlyOnceTheMarkerRecordIsPrinted() {
        String attaching = "{\"type\": \"attached_probes\", \"data\": {\"probes\": 3}}\n";
        assertFalse(BccSession.attached(""));
        assertFalse(BccSession.attached(attaching));
        // A half-written line is not the record yet.
        assertFalse(BccSession.attached(attaching + "{\"type\": \"printf\", \"data\": \"uringlab-probes-att"));
        assertTrue(BccSession.attached(attaching + "{\"type\": \"printf\", \"data\": \"uringlab-probes-attached\\n\"}\n"));
    }

    /** What the runner printed on this VM, parsed with the bpftrace parser unchanged. */
    @Test
    void runnerOutputParsesLikeBpftraceOutput() {
        String out = """
                {"type": "attached_probes", "data": {"probes": 3}}
                {"type": "printf", "data": "uringlab-probes-attached\\n"}
                {"type": "hist", "data": {"@block_rq_size": [{"min": 4096, "max": 8191, "count": 85536}, {"min": 8192, "max": 16383, "count": 0}]}}

                {"type": "map", "data": {"@io_uring_enter": {"0": 90726}}}
                {"type": "map", "data": {"@kick_process_callsite": {"update_curr": 8, "wakeup_preempt": 178}}}
                {"type": "map", "data": {"@ring_flags": {"12552": 1}}}
                """;
        Map<String, Map<String, Long>> byProbe = BpftraceJsonParser.parse(out)
                .byProbe(List.of("io_uring_enter", "kick_process", "ring_flags", "block_rq_size", "fget"));
        assertEquals(Map.of("0", 90726L), byProbe.get("io_uring_enter"));
        assertEquals(Map.of("callsite:update_curr", 8L, "callsite:wakeup_preempt", 178L), byProbe.get("kick_process"));
        assertEquals(Map.of("12552", 1L), byProbe.get("ring_flags"));
        assertEquals(85536L, byProbe.get("block_rq_size").get("[4096, 8191]"));
        assertEquals(Map.of(), byProbe.get("fget"));
    }

    @Test
    void backendsAreChosenByName() {
        assertEquals("bcc", ProbeBackend.named("bcc", "bpftrace").name());
        assertEquals("bpftrace", ProbeBackend.named("bpftrace", "bpftrace").name());
        assertEquals("unknown probe backend 'bpfcc' (known: bpftrace, bcc)",
                assertThrows(IllegalArgumentException.class, () -> ProbeBackend.named("bpfcc", "bpftrace")).getMessage());
        assertEquals("bpftrace not installed: apt-get install bpftrace",
                ProbeBackend.bpftrace("/nonexistent/bpftrace").preflight().orElseThrow());
    }
}
