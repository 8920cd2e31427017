package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoisyDiskFindingTest {

    static RunRecord measured(String id, double diskMb, double otherPct, boolean labelled) {
        RunRecord base = RunsCsvWriterTest.okRun();
        Map<String, Double> metrics = new LinkedHashMap<>(base.metrics());
        metrics.put(NoisyDiskFinding.DISK_MB, diskMb);
        metrics.put(NoisyDiskFinding.METRIC, otherPct);
        List<String> warnings = new ArrayList<>(base.warnings());
        if (labelled) {
            warnings.add("noisy disk: the workload's disk moved " + Math.round(diskMb) + " MB during the run, "
                    + Math.round(otherPct) + "% more than the workload's own (above 10%, see run --noisy-above): other"
                    + " I/O queued on the same device");
        }
        return new RunRecord(base.experiment(), id, base.index(), base.repetition(), base.status(), null, base.params(),
                base.cpuSet(), base.cpus(), base.target(), base.probeVariants(), metrics, base.probeCounts(),
                base.startedAt(), base.wallSeconds(), base.workloadSeconds(), base.host(), warnings, Map.of());
    }

    @Test
    void labelledRunsAreCountedAndTheWorstIsNamed() {
        Finding f = NoisyDiskFinding.of(List.of(measured("quiet", 120.0, 0.4, false), measured("a", 180.0, 50.0, true),
                measured("b", 330.0, 175.0, true))).orElseThrow();
        assertEquals("2 of 3 runs shared their disk with other I/O (up to 175% more bytes than the workload's own,"
                + " run b); their throughput and latency competed with that I/O: rerun them when the device is quiet"
                + " (see the host_other_disk_pct and host_disk_mb columns and the warnings)", f.text());
        assertTrue(f.caution());
    }

    @Test
    void theLabelDecidesNotTheColumn() {
        assertTrue(NoisyDiskFinding.of(List.of(measured("a", 180.0, 50.0, false))).isEmpty());
        assertTrue(NoisyDiskFinding.of(List.of(RunsCsvWriterTest.okRun())).isEmpty());
    }

    @Test
    void diskColumnsAndLabelMatchGolden() throws java.io.IOException {
        assertEquals(RunsCsvWriterTest.golden("runs-noisy-disk.csv"), RunsCsvWriter.write(List.of(
                measured("quiet", 120.5, 0.38, false), measured("writeback", 330.0, 175.0, true))));
    }
}
