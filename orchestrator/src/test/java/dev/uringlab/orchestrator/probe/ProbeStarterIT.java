package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.testing.HostCapability;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kprobe that is chosen but does not attach (here: this kernel has no kprobe_events at all,
 * as a notrace or inlined symbol behaves on a bare-metal host) falls back to its tracepoint
 * variant instead of failing the run; a kprobe-only probe falls back to "unavailable". On a kernel whose
 * kprobes attach, the same session keeps every kprobe and warns of nothing.
 */
class ProbeStarterIT {

    private static final ProbeCatalog CATALOG = ProbeCatalog.builtin();

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    private static ResolvedProbe kprobeVariant(String id) {
        ProbeVariant v = CATALOG.find(id).orElseThrow().variant("kprobe").orElseThrow();
        return new ResolvedProbe(id, "kprobe", v.meaning(), v.body(), null);
    }

    @Test
    void kprobesThatDoNotAttachFallBackAndTheSessionStillStarts(@TempDir Path dir) throws Exception {
        fallsBack(ProbeBackend.bpftrace(Prerequisites.requireTool("bpftrace").toString()), dir);
    }

    /** The same within an experiment, where the program stays attached across runs once it is up. */
    @Test
    void kprobesFallBackForTheExperimentsSharedBpftraceToo(@TempDir Path dir) throws Exception {
        ProbeBackend backend = ProbeBackend.bpftrace(Prerequisites.requireTool("bpftrace").toString());
        backend.beginExperiment(dir.resolve("experiment"));
        try {
            fallsBack(backend, dir.resolve("run"));
        } finally {
            backend.endExperiment();
        }
    }

    private static void fallsBack(ProbeBackend backend, Path dir) throws Exception {
        HostProbeSupport host = HostProbeSupport.detect(HostFs.real());
        ResolvedProbe enter = ProbeResolver.resolve(CATALOG.find("io_uring_enter").orElseThrow(), host, Optional.empty());
        List<ResolvedProbe> probes = List.of(kprobeVariant("kick_process"), kprobeVariant("wake_up_state"), enter);
        Map<String, ResolvedProbe> fallbacks = Map.of(
                "kick_process", ProbeResolver.resolve(CATALOG.find("kick_process").orElseThrow(), host, Optional.of("tracepoint")),
                "wake_up_state", ResolvedProbe.unavailable("wake_up_state", "kprobe did not attach and there is no tracepoint variant"));
        ProbeStarter.Started started = ProbeStarter.start(backend, probes, fallbacks, List.of(),
                dir, Duration.ofSeconds(60), null);
        try (ProbeSession session = started.session()) {
            HostCapability.either("kprobes", host.kprobesUsable(), () -> {
                assertEquals(List.of("kprobe", "kprobe"), started.probes().subList(0, 2).stream().map(ResolvedProbe::variant).toList());
                assertEquals(List.of(), started.warnings());
            }, () -> {
                assertEquals("tracepoint", started.probes().get(0).variant());
                assertTrue(!started.probes().get(1).available());
                assertEquals(2, started.warnings().size(), started.warnings().toString());
                assertTrue(started.warnings().stream().anyMatch(w -> w.startsWith("probe kick_process: kprobe:kick_process did not"
                        + " attach; counted with its tracepoint variant instead")), started.warnings().toString());
            });
            assertEquals("tracepoint", started.probes().get(2).variant());
            BpftraceMaps maps = session.stop();
            assertTrue(maps.byProbe(List.of("kick_process", "io_uring_enter")).containsKey("io_uring_enter"));
        }
    }

    @Test
    void attachFailuresAreReadFromBothBackendsMessages() {
        assertEquals(Set.of("kretprobe:wake_up_state"), ProbeStarter.failedAttachPoints(
                "bpftrace exited (code 255) before its probes attached: x | ERROR: Error attaching probe: 'kretprobe:wake_up_state'"));
        assertEquals(Set.of("kprobe:fget"), ProbeStarter.failedAttachPoints(
                "bcc exited (code 1) before its probes attached: uringlab_bcc: cannot attach kprobe:fget: Invalid argument"));
        assertEquals(Set.of(), ProbeStarter.failedAttachPoints("tracefs not mounted"));
    }
}
