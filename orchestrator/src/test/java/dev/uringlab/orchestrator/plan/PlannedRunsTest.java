package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.host.CpuSetResolver;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The on-demand run list against the nested loop it replaces: same runs, same order, same ids. */
class PlannedRunsTest {

    private static final ProbeCatalog CATALOG = ProbeCatalog.builtin();

    private static ExperimentPlan plan(String yaml) throws Exception {
        ExperimentFile file = new ExperimentLoader(java.util.Set.copyOf(CATALOG.ids()), WorkloadKinds.BUILT_IN)
                .parse(Path.of("experiments.yaml"), yaml, List.of(), List.of());
        return new Planner(Fixtures.VM, CATALOG, HostProbeSupport.detect(Fixtures.VM)).plan(file).experiments().get(0);
    }

    /** What the planner did before the list was computed on demand: every combination, every repetition, in order. */
    private static List<String> eagerIds(ExperimentPlan e) {
        List<String> ids = new ArrayList<>();
        var x = e.experiment();
        String definingText = x.workload().kind() + x.target() + x.probes() + x.probeVariants() + x.backend()
                + x.probeScope() + x.host() + x.background();
        for (Map<String, Object> combo : SweepExpander.expand(x.sweep())) {
            Map<String, Object> overrides = new LinkedHashMap<>(combo);
            overrides.keySet().removeIf(k -> k.startsWith(HostSpec.SWEPT_PREFIX));
            String cpuSet = overrides.containsKey("cpus") ? (String) overrides.remove("cpus") : x.cpus();
            var workload = x.workload().with(overrides, x.sweep().positions());
            for (int rep = 1; rep <= x.repetitions(); rep++) {
                ids.add(RunIds.of(combo, rep, definingText + new TreeMap<>(workload.options()) + cpuSet));
            }
        }
        return ids;
    }

    @Test
    void exclusionsZipAndRepetitionsGiveTheSameRunsInTheSameOrder() throws Exception {
        ExperimentPlan e = plan("""
                experiments:
                  - name: x
                    repetitions: 3
                    workload: {kind: fio, runtime: 1}
                    sweep:
                      iodepth: [1, 4, 16, 64]
                      bs: [4k, 8k, 16k, 32k]
                      cpus: [irq, non-irq]
                      numjobs: [1, 2, 3]
                    zip: [[iodepth, bs]]
                    exclude:
                      - {iodepth: 16, cpus: non-irq}
                      - {numjobs: 2}
                      - {iodepth: 1, bs: 4k, cpus: irq, numjobs: 1}
                """);
        List<String> eager = eagerIds(e);
        assertEquals((4 * 2 * 3 - 4 * 2 - 2 - 1) * 3, e.runs().size()); // 16 and non-irq: 3 numjobs, 1 left once 2 is gone
        assertEquals(eager, e.runIds());
        for (int i = 0; i < e.runs().size(); i++) {
            RunSpec r = e.runs().get(i);
            assertEquals(i + 1, r.index());
            assertEquals(i % 3 + 1, r.repetition());
            assertTrue(!r.swept().get("numjobs").equals(2), r.swept().toString());
        }
        assertEquals(List.of("iodepth", "bs", "cpus", "numjobs"), List.copyOf(e.runs().get(0).swept().keySet()));
        for (String cpuSet : List.of("irq", "non-irq")) {
            assertEquals(CpuSetResolver.resolve(cpuSet, e.topology(), Fixtures.VM), e.runs().stream()
                    .filter(r -> r.cpuSet().equals(cpuSet)).findFirst().orElseThrow().cpus());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> e.runs().get(e.runs().size()));
    }

    @Test
    void theListIsNotCopiedWhenThePlanIsMade() throws Exception {
        ExperimentPlan e = plan("""
                experiments:
                  - name: x
                    workload: {kind: fio, runtime: 1}
                    sweep:
                      iodepth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                      bs: [4k, 8k, 12k, 16k, 20k, 24k, 28k, 32k, 36k, 40k]
                      numjobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                      rwmixread: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
                """);
        assertTrue(e.runs() instanceof PlannedRuns, e.runs().getClass().getName());
        assertEquals(10_000, e.runs().size());
        RunSpec last = e.runs().get(9_999);
        assertEquals("{iodepth=10, bs=40k, numjobs=10, rwmixread=100}", last.swept().toString());
        assertEquals(eagerIds(e).get(9_999), last.runId());
    }
}
