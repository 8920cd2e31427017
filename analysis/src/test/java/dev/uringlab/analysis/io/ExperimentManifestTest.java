package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uringlab.analysis.Goldens;
import dev.uringlab.analysis.model.ExperimentManifest;
import dev.uringlab.analysis.model.RunHostState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seals manifest.json (and host.json): the golden was written by the sweep before the manifest had a type, so
 * reading and writing it through {@link ExperimentManifest} must give the same bytes back.
 */
class ExperimentManifestTest {

    @Test
    void theTypeReadsAndWritesTheSweepsManifestUnchanged() throws Exception {
        String golden = Goldens.read("/golden/manifest.json");
        ExperimentManifest manifest = RunRecordJson.MAPPER.readValue(golden, ExperimentManifest.class);
        assertEquals(golden, RunRecordJson.MAPPER.writeValueAsString(manifest) + "\n");
        assertEquals(List.of(new ExperimentManifest.Irq(36, "virtio1-req.0", "1")), manifest.target().irqs());
        assertEquals("tracepoint", manifest.probes().get("fget").variant());
        assertEquals(Map.of("node0", "0-1"), manifest.host().get("numa_nodes"));
    }

    @Test
    void hostJsonKeepsItsShape() throws Exception {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        before.put("irqs", Map.of("36", "1"));
        before.put("governor", "none");
        String json = RunRecordJson.MAPPER.writeValueAsString(new RunHostState(before, List.of("IRQ 36 moved: 1 -> 0")));
        assertEquals("""
                {
                  "before" : {
                    "irqs" : {
                      "36" : "1"
                    },
                    "governor" : "none"
                  },
                  "changed_during_run" : [ "IRQ 36 moved: 1 -> 0" ]
                }""", json);
    }

    @Test
    void theReaderViewTakesItsFieldsFromTheManifest() throws Exception {
        JsonNode root = RunRecordJson.MAPPER.readTree(Goldens.read("/golden/manifest.json"));
        Manifest view = Manifest.of(root, "fallback");
        assertEquals("rb-flags", view.experiment());
        assertEquals("vm", view.hostname());
        assertEquals("bpftrace v0.17.0", view.bpftrace());
        assertEquals(List.of(0, 1), view.onlineCpus());
    }
}
