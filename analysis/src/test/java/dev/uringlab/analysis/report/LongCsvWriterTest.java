package dev.uringlab.analysis.report;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.stats.Grouping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = LongCsvWriterTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
