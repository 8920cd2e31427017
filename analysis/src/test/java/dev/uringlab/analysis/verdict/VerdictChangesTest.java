package dev.uringlab.analysis.verdict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictChangesTest {

    private static final Expectation CLAIM = new Expectation("coop", "COOP removes the kick", "thesis §4.1", Map.of(),
            "coop_taskrun", "false", "true", "ipi_by_callsite_per_io", Effect.parse("lower"));

    private static Path results(Path dir, String name, double with) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(Verdicts.EXPECTATIONS), ExpectationsJson.write(List.of(CLAIM)));
        StringBuilder csv = new StringBuilder("experiment,status,coop_taskrun,ipi_by_callsite_per_io\n");
        for (double v : new double[] {0.40, 0.42, 0.44}) {
            csv.append("coop,ok,false,").append(v).append('\n');
            csv.append("coop,ok,true,").append(v * with).append('\n');
        }
        Files.writeString(d.resolve("runs.csv"), csv);
        return d;
    }

    @Test
    void saysWhetherEachVerdictChanged(@TempDir Path dir) throws Exception {
        Path a = results(dir, "a", 0.01);
        Path b = results(dir, "b", 3);
        String md = VerdictChanges.markdown(a, b);
        assertTrue(md.contains("| COOP removes the kick | thesis §4.1 | ipi_by_callsite_per_io | lower | reproduced | not reproduced | **changed** |"), md);
        assertTrue(VerdictChanges.markdown(a, a).contains("| reproduced | reproduced | unchanged |"));
        assertEquals("", VerdictChanges.markdown(Files.createDirectories(dir.resolve("none")), dir.resolve("none")));
    }

    @Test
    void expectationsSurviveTheirJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.json");
        Files.writeString(f, ExpectationsJson.write(List.of(CLAIM)));
        assertEquals(List.of(CLAIM).toString(), ExpectationsJson.read(f).toString());
    }
}
