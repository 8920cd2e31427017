package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.compare.ProbeAliases;
import dev.uringlab.analysis.compare.SourceMatch;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.CompareFigure;
import dev.uringlab.analysis.plot.Figure;
import dev.uringlab.analysis.plot.FigureWriter;
import dev.uringlab.orchestrator.config.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of {@code compare}: both result sets on one figure per measure, each line named by its source. */
final class SourceFigures {

    /** What was drawn, as a Markdown section for the comparison. */
    record Written(SourceMatch match, List<Path> files) {

        String markdown() {
            StringBuilder s = new StringBuilder("\n## Figures (" + match.labelA() + " vs " + match.labelB() + ")\n\n");
            s.append(match.describe()).append(".\n\n");
            if (files.isEmpty()) {
                s.append("No figure: no configuration is in both sets.\n");
            }
            files.forEach(f -> s.append("- ").append(f).append('\n'));
            return s.toString();
        }
    }

    private SourceFigures() {
    }

    static Written write(ResultsDirectory a, ResultsDirectory b, String labelA, String labelB, Path dir, List<String> metrics,
                         Map<String, String> sameProbe) throws IOException, ConfigException {
        String nameA = labelA != null ? labelA : name(a.dir());
        String nameB = labelB != null ? labelB : name(b.dir());
        if (nameA.equals(nameB)) {
            nameA = a.dir().toAbsolutePath().normalize().toString();
            nameB = b.dir().toAbsolutePath().normalize().toString();
        }
        List<RunRecord> runsA = ProbeAliases.rename(a.runs(), sameProbe);
        SourceMatch match = SourceMatch.of(nameA, runsA, nameB, b.runs());
        List<String> measures = metrics.isEmpty() ? CompareFigure.sharedMeasures(match) : metrics;
        List<String> shared = CompareFigure.sharedMeasures(match);
        for (String m : metrics) {
            if (!match.matched().isEmpty() && !shared.contains(m) && !CompareFigure.inBoth(match, m)) {
                throw new ConfigException("--metric " + m + ": not a column both " + a.dir() + " and " + b.dir()
                        + " have in a matched configuration (both have: " + String.join(", ", shared) + ")");
            }
        }
        Path out = dir != null ? dir : b.dir().resolve("compare-" + name(a.dir()).replaceAll("[^A-Za-z0-9._-]+", "_"));
        List<Path> files = new ArrayList<>();
        if (match.matched().isEmpty()) {
            return new Written(match, files);
        }
        String caption = nameA + ": " + a.manifest().caption() + "; " + nameB + ": " + b.manifest().caption();
        for (Figure f : CompareFigure.build(match, measures, caption)) {
            FigureWriter.write(f, out);
            files.add(out.resolve(f.name() + ".png"));
        }
        return new Written(match, files);
    }

    private static String name(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? dir.toString() : n.toString();
    }
}
