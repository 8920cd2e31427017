package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.stats.BootstrapMedian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seals overhead.csv. */
class OverheadBenchTest {

    @Test
    void overheadCsvMatchesGolden(@TempDir Path dir) throws Exception {
        List<OverheadBench.Row> rows = List.of(
                new OverheadBench.Row("qd=16 cpus=irq", "1", 5, 64400, 63335, new BootstrapMedian(0.983, 0.951, 1.004),
                        255.2, 7.04, "io_uring_enter 112.8 ns/event x 67346 events"),
                new OverheadBench.Row("qd=1 cpus=non-irq", "0", 5, 5863, 5702, new BootstrapMedian(0.9725, 0.89, 1.12),
                        Double.NaN, Double.NaN, ""));
        OverheadBench.writeCsv(rows, dir.resolve("overhead.csv"));
        assertEquals("""
                run,cpus,pairs,iops_bare,iops_probed,ratio_median,ratio_ci_low,ratio_ci_high,probe_ns_per_io,probe_cpu_share_pct,costliest_probe
                qd=16 cpus=irq,1,5,64400,63335,0.983,0.951,1.004,255.2,7.04,io_uring_enter 112.8 ns/event x 67346 events
                qd=1 cpus=non-irq,0,5,5863,5702,0.9725,0.89,1.12,,,
                """, Files.readString(dir.resolve("overhead.csv")));
    }
}
