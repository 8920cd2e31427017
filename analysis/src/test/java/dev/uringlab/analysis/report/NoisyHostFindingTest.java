package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoisyHostFindingTest {

    static RunRecord measured(String id, double otherPct, boolean labelled) {
        RunRecord base = RunsCsvWriterTest.okRun();
        Map<String, Double> metrics = new LinkedHashMap<>(base.metrics());
        metrics.put(NoisyHostFinding.METRIC, otherPct);
        List<String> warnings = new ArrayList<>(base.warnings());
        if (labelled) {
            warnings.add("noisy host: other processes used " + Math.round(otherPct) + "% of a CPU during the run (above"
                    + " 10%, see run --noisy-above): system-wide probe counts include their events, and they competed"
                    + " with the workload");
        }
        return new RunRecord(base.experiment(), id, base.index(), base.repetition(), base.status(), null, base.params(),
                base.cpuSet(), base.cpus(), base.target(), base.probeVariants(), metrics, base.probeCounts(),
                base.startedAt(), base.wallSeconds(), base.workloadSeconds(), base.host(), warnings, Map.of());
    }

    @Test
    void labelledRunsAreCountedAndTheWorstIsNamed() {
        Finding f = NoisyHostFinding.of(List.of(measured("quiet", 2.1, false), measured("a", 48.0, true),
                measured("b", 97.4, true))).orElseThrow();
        assertEquals("2 of 3 runs ran on a noisy host: other processes used CPU time during them (up to 97.4% of a CPU,"
                + " run b); their system-wide probe counts include other processes' events and their timings competed"
                + " with that work: rerun them on a quiet host (see the host_other_cpu_pct column and the warnings)",
                f.text());
        assertTrue(f.caution());
    }

    @Test
    void theLabelDecidesNotTheColumn() {
        // The threshold was the sweep's (run --noisy-above); a high value without the label was under it there.
        assertTrue(NoisyHostFinding.of(List.of(measured("a", 48.0, false))).isEmpty());
        assertTrue(NoisyHostFinding.of(List.of(RunsCsvWriterTest.okRun())).isEmpty());
    }

    @Test
    void hostOtherCpuColumnAndLabelMatchGolden() throws java.io.IOException {
        assertEquals(RunsCsvWriterTest.golden("runs-noisy-host.csv"), RunsCsvWriter.write(List.of(
                measured("quiet", 2.13, false), measured("hog", 97.4, true))));
    }
}
