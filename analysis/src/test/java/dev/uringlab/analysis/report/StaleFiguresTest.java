package dev.uringlab.analysis.report;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.plot.FigureManifest;
import dev.uringlab.analysis.plot.PlotSpec;
import dev.uringlab.analysis.plot.PlotSpecs;
import dev.uringlab.analysis.plot.PlotType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A re-render removes the figures of a plot taken out of the experiment, and only files uringlab wrote. */
class StaleFiguresTest {

    private static PlotSpecs plots(PlotSpec... specs) {
        return PlotSpecs.of(List.of(specs), List.of());
    }

    @Test
    void aRemovedPlotLeavesNoFigureBehindAndUserFilesStay(@TempDir Path dir) throws IOException {
        TestRuns.write(dir);
        PlotSpec iops = PlotSpec.of(PlotType.LINE, "iops").named("keep");
        PlotSpec p99 = PlotSpec.of(PlotType.LINE, "lat_p99_us").named("dropped");
        ReportGenerator.render(dir, plots(iops, p99));
        Path figures = dir.resolve(ReportGenerator.FIGURES);
        assertTrue(Files.exists(figures.resolve("dropped.png")));
        // A user's own file, and a figure from before the list existed, whose names look like ours.
        Files.writeString(figures.resolve("notes.txt"), "mine");
        Files.writeString(figures.resolve("hand-made.png"), "not a real png");
        Files.writeString(figures.resolve("dropped.txt"), "mine too");

        Report again = ReportGenerator.render(dir, plots(iops));

        for (String ext : List.of(".png", ".svg", ".pdf")) {
            assertFalse(Files.exists(figures.resolve("dropped" + ext)), "stale dropped" + ext);
            assertTrue(Files.exists(figures.resolve("keep" + ext)), "keep" + ext);
        }
        assertEquals(List.of("dropped.pdf", "dropped.png", "dropped.svg"), again.removed().stream().sorted().toList());
        assertEquals("mine", Files.readString(figures.resolve("notes.txt")));
        assertTrue(Files.exists(figures.resolve("hand-made.png")));
        assertTrue(Files.exists(figures.resolve("dropped.txt")));
        assertEquals(List.of("keep.pdf", "keep.png", "keep.svg"), FigureManifest.read(figures).stream().sorted().toList());
    }

    @Test
    void aPlotThatFailsThisTimeDoesNotKeepItsOldFigure(@TempDir Path dir) throws IOException {
        TestRuns.write(dir);
        ReportGenerator.render(dir, plots(PlotSpec.of(PlotType.LINE, "iops").named("fig")));
        Report broken = ReportGenerator.render(dir, plots(PlotSpec.of(PlotType.LINE, "iops").named("fig").withAxes("qd", null, null)));
        assertEquals(1, broken.problems().size());
        assertFalse(Files.exists(dir.resolve("figures/fig.png")), "a figure that was not drawn this time is not shown as current");
    }

    @Test
    void aListNamingFilesOutsideFiguresIsIgnored(@TempDir Path dir) throws IOException {
        TestRuns.write(dir);
        Path figures = Files.createDirectories(dir.resolve(ReportGenerator.FIGURES));
        Files.writeString(dir.resolve("precious.png"), "x");
        Files.writeString(figures.resolve(FigureManifest.FILE), "../precious.png\n/etc/hostname\n..\n");
        Report report = ReportGenerator.render(dir, plots(PlotSpec.of(PlotType.LINE, "iops").named("fig")));
        assertTrue(Files.exists(dir.resolve("precious.png")));
        assertEquals(List.of(), report.removed());
    }
}
