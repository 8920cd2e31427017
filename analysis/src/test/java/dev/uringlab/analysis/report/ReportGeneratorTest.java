package dev.uringlab.analysis.report;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.plot.PlotSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportGeneratorTest {

    @Test
    void writesTablesFiguresAndASelfContainedReport(@TempDir Path dir) throws IOException {
        TestRuns.write(dir);
        Report report = ReportGenerator.render(dir, PlotSpecs.defaults(), new ReportOptions(true, true));
        assertEquals(12, report.runs());
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        for (String f : new String[] {"runs.csv", "runs-long.csv", "stats.csv", "report.html", "report.md", "tables.tex",
                "figures/line-iops.png", "figures/line-iops.svg", "figures/line-iops.pdf", "figures/probes-per-io.png",
                "figures/per_cpu-irq_per_cpu.pdf", "figures/relative-iops.svg", "figures/cdf-lat.png"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg"), "figures are inline");
        assertTrue(!html.contains("src=\"figures/"), "no external images");
        assertTrue(html.contains("cpus=non-irq vs cpus=irq at iodepth=16: −19.9% IOPS ["), html);
        assertTrue(html.contains("ipi_by_callsite 0.06/IO vs 0.00/IO"));
    }

    @Test
    void badDeclaredPlotIsAProblemNotACrash(@TempDir Path dir) throws IOException {
        TestRuns.write(dir);
        var spec = dev.uringlab.analysis.plot.PlotSpec.of(dev.uringlab.analysis.plot.PlotType.LINE, "iops").withAxes("qd", null, null);
        Report report = ReportGenerator.render(dir, PlotSpecs.of(java.util.List.of(spec), java.util.List.of()));
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("x 'qd' is not a swept axis"));
    }
}
