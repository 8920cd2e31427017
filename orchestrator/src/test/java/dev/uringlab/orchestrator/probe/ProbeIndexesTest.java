package dev.uringlab.orchestrator.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe's identity is written once, in its .bt header: the INDEX files, the README table and the
 * BCC twins follow from it. Run with -Duringlab.regenerate=true to rewrite the derived files.
 */
class ProbeIndexesTest {

    private static final Path PROBES = Path.of("../probes");
    private static final ProbeCatalog SOURCE = ProbeCatalog.fromDirectory(PROBES);
    private static final boolean REGENERATE = Boolean.getBoolean("uringlab.regenerate");

    @Test
    void indexFilesAreTheBtHeadersList() throws IOException {
        agree(PROBES.resolve("INDEX"), ProbeIndexes.btIndex(SOURCE));
        agree(PROBES.resolve("bcc/INDEX"), ProbeIndexes.bccIndex(SOURCE));
    }

    @Test
    void readmeTableIsGeneratedFromTheHeaders() throws IOException {
        Path readme = PROBES.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertTrue(text.contains(ProbeIndexes.TABLE_START) && text.contains(ProbeIndexes.TABLE_END),
                "probes/README.md lost its generated-table markers");
        agree(readme, ProbeIndexes.withTable(text, ProbeIndexes.readmeTable(SOURCE)));
    }

    @Test
    void bccTwinsCarryNoCopyOfTheBtText() throws IOException {
        for (ProbeDefinition probe : SOURCE.all()) {
            String py = Files.readString(PROBES.resolve("bcc/" + probe.id() + ".py"), StandardCharsets.UTF_8);
            for (String copied : List.of("# @counts:", "# @keys:", "# @output:", "# @sample:", "\"meaning\":")) {
                assertFalse(py.contains(copied), probe.id() + ".py repeats " + copied + " from " + probe.id() + ".bt");
            }
            assertFalse(py.contains(probe.counts()), probe.id() + ".py repeats the .bt's @counts text");
        }
    }

    private static void agree(Path file, String expected) throws IOException {
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        if (REGENERATE && !actual.equals(expected)) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, file + " is derived from the .bt headers: rerun this test with"
                + " -Duringlab.regenerate=true to rewrite it");
    }
}
