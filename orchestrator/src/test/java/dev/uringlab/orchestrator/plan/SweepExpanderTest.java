package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.SweepSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepExpanderTest {

    private static Map<String, List<Object>> axes(Object... pairs) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            axes.put((String) pairs[i], (List<Object>) pairs[i + 1]);
        }
        return axes;
    }

    @Test
    void cartesianProductWithTheFirstAxisSlowest() {
        List<Map<String, Object>> runs = SweepExpander.expand(new SweepSpec(
                axes("iodepth", List.of(1L, 4L), "cpus", List.of("irq", "non-irq")), List.of(), List.of()));
        assertEquals(List.of(
                Map.of("iodepth", 1L, "cpus", "irq"), Map.of("iodepth", 1L, "cpus", "non-irq"),
                Map.of("iodepth", 4L, "cpus", "irq"), Map.of("iodepth", 4L, "cpus", "non-irq")), runs);
        assertEquals(List.of("iodepth", "cpus"), List.copyOf(runs.get(0).keySet()));
    }

    @Test
    void zippedAxesAdvanceTogetherAndExcludeDropsFullMatches() {
        List<Map<String, Object>> runs = SweepExpander.expand(new SweepSpec(
                axes("iodepth", List.of(1L, 4L, 16L), "cpus", List.of("irq", "non-irq"), "numjobs", List.of(1L, 2L, 4L)),
                List.of(List.of("iodepth", "numjobs")),
                List.of(Map.of("iodepth", 16L, "cpus", "non-irq"))));
        assertEquals(5, runs.size());
        assertEquals(Map.of("iodepth", 4L, "cpus", "irq", "numjobs", 2L), runs.get(2));
        assertEquals(List.of("iodepth", "cpus", "numjobs"), List.copyOf(runs.get(2).keySet()));
        assertEquals(Map.of("iodepth", 16L, "cpus", "irq", "numjobs", 4L), runs.get(4));
    }

    @Test
    void noSweepIsOneRun() {
        assertEquals(List.of(Map.of()), SweepExpander.expand(SweepSpec.none()));
    }

    @Test
    void runIdsAreStableAndChangeWithAnyDefiningParameter() {
        String a = RunIds.of(Map.of("iodepth", 16L), 1, "runtime=10");
        assertEquals(a, RunIds.of(Map.of("iodepth", 16L), 1, "runtime=10"));
        assertEquals(true, a.startsWith("iodepth-16_r1_"), a);
        assertEquals(false, a.equals(RunIds.of(Map.of("iodepth", 16L), 1, "runtime=5")));
        assertEquals(false, a.equals(RunIds.of(Map.of("iodepth", 16L), 2, "runtime=10")));
    }
}
