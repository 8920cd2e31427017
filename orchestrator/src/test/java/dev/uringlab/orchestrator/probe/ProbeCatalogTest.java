package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeCatalogTest {

    private static final List<String> THESIS_PROBES = List.of("kick_process", "native_smp_send_reschedule",
            "wake_up_state", "fget", "io_issue_sqe", "irq_per_cpu", "io_uring_enter", "ring_flags", "ipi_by_callsite",
            "local_timer", "tctx_task_work", "create_io_worker", "io_worker_handle_work", "io_uring_queue_async_work");

    @Test
    void builtinHasEveryRequiredProbe() {
        ProbeCatalog catalog = ProbeCatalog.builtin();
        for (String id : THESIS_PROBES) {
            assertTrue(catalog.find(id).isPresent(), "missing probe " + id);
        }
    }

    @Test
    void indexListsEveryScriptInProbesDirectory() {
        // A .bt file forgotten in INDEX would vanish from the shaded jar without an error.
        assertEquals(ProbeCatalog.fromDirectory(Path.of("../probes")).ids(), ProbeCatalog.builtin().ids());
    }

    @Test
    void everyProbeHasAKprobeVariantOrAReason() {
        for (ProbeDefinition p : ProbeCatalog.builtin().all()) {
            assertTrue(p.variant("kprobe").isPresent() || !p.noKprobe().isEmpty(), p.id() + ": no kprobe variant and no @no_kprobe reason");
            assertTrue(p.variant("tracepoint").isPresent() || !p.noTracepoint().isEmpty(), p.id() + ": no tracepoint variant and no @no_tracepoint reason");
            assertFalse(p.variant("kprobe").isPresent() && !p.noKprobe().isEmpty(), p.id() + ": @no_kprobe but has a kprobe variant");
            p.variants().forEach(v -> assertFalse(v.meaning().isBlank(), p.id() + "/" + v.name() + ": no meaning"));
        }
    }

    @Test
    void readmeListsEveryProbe() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("../probes/README.md"));
        for (String id : ProbeCatalog.builtin().ids()) {
            assertTrue(readme.contains("`" + id + "`"), "probes/README.md does not list " + id);
        }
    }

    @Test
    void suggestsTheClosestId() {
        ProbeCatalog catalog = ProbeCatalog.builtin();
        assertEquals(Optional.of("kick_process"), catalog.suggest("kick_proces"));
        assertEquals(Optional.of("io_uring_enter"), catalog.suggest("io_uring_entr"));
        assertEquals(Optional.of("fget"), catalog.suggest("FGET"));
        assertEquals(Optional.empty(), catalog.suggest("completely_unrelated_thing"));
    }
}
