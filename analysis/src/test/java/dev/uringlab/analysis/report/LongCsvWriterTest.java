package dev.uringlab.analysis.report;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.stats.Grouping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seals runs-long.csv and stats.csv: changing either format must change these goldens on purpose. */
class LongCsvWriterTest {

    @Test
    void runsLongCsvMatchesGolden() throws IOException {
        assertEquals(golden("runs-long.csv"), LongCsvWriter.write(List.of(RunsCsvWriterTest.okRun(), RunsCsvWriterTest.failedRun())));
    }

    @Test
    void statsCsvMatchesGolden() throws IOException {
        var runs = TestRuns.sweep();
        assertEquals(golden("stats.csv"), StatsTable.csv(StatsTable.of(Grouping.of(runs, List.of()), List.of("iops", "ipi_by_callsite_per_io"))));
    }

    static String golden(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/golden/" + name);
    }
}
