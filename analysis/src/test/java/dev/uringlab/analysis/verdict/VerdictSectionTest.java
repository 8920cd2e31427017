package dev.uringlab.analysis.verdict;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictSectionTest {

    private static final VerdictResult RESULT = new VerdictResult(new Expectation("x", "fewer kicks | with COOP", "thesis §4.1",
            Map.of("cpus", "non-irq"), "coop_taskrun", "false", "true", "ipi_per_io", Effect.parse(">= 90% fewer")),
            Verdict.REPRODUCED, "×0.01", "[0.005, 0.02]", "bootstrap", "ok", 3, 3);

    @Test
    void theTableOpensTheReportBeforeTheFirstSection() {
        String html = VerdictSection.html("<h1>t</h1>\n<h2>Findings</h2>", Optional.of(List.of(RESULT)));
        assertTrue(html.indexOf("<h2>Verdicts</h2>") < html.indexOf("<h2>Findings</h2>"), html);
        assertTrue(html.contains("&gt;= 90% fewer"));
        String withFigure = VerdictSection.html("<h2>Findings</h2><div class=\"figure\" id=\"probes-per-io\">",
                Optional.of(List.of(RESULT)));
        assertTrue(withFigure.contains("<a href=\"#probes-per-io\">ipi_per_io</a>"), withFigure);
        assertEquals("line-iops", VerdictSection.figureOf("<div id=\"line-iops\">", "iops"));
        assertEquals(null, VerdictSection.figureOf("<div id=\"probes-per-io\">", "iops"));
        String md = VerdictSection.markdown("# t\n\n## Findings\n", Optional.of(List.of(RESULT)));
        assertTrue(md.indexOf("## Verdicts") < md.indexOf("## Findings"), md);
        assertTrue(md.contains("fewer kicks \\| with COOP"), md);
        assertEquals("# t\n", VerdictSection.markdown("# t\n", Optional.empty()));
    }

    @Test
    void csvRoundTripsThroughTheSummaryReader() throws Exception {
        String csv = VerdictTable.csv(List.of(RESULT));
        assertEquals("experiment,claim,source,compared,metric,expected,verdict,estimate,interval,runs,test,detail",
                csv.lines().findFirst().orElseThrow());
        java.nio.file.Path f = java.nio.file.Files.createTempFile("verdicts", ".csv");
        java.nio.file.Files.writeString(f, csv);
        Map<String, String> row = VerdictTable.readCsv(f).get(0);
        assertEquals("reproduced", row.get("verdict"));
        assertEquals("coop_taskrun=true vs false at cpus=non-irq", row.get("compared"));
        assertEquals("3 vs 3", row.get("runs"));
    }
}
