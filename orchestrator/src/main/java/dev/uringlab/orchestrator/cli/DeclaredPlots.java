package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.plot.PlotSpecs;
import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The figures an experiment declared, recovered from the experiment text its manifest keeps, so
 * {@code uringlab plot} re-renders what the sweep rendered. Imported or foreign result sets have
 * no such text and get the default figures.
 */
final class DeclaredPlots {

    private DeclaredPlots() {
    }

    static PlotSpecs of(Path experimentDir) {
        Path manifest = experimentDir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return PlotSpecs.defaults();
        }
        try {
            JsonNode m = RunRecordJson.MAPPER.readTree(Files.readString(manifest));
            String text = m.path("experiment_file_text").asText("");
            String name = m.path("experiment").asText("");
            if (text.isBlank() || name.isBlank()) {
                return PlotSpecs.defaults();
            }
            Path file = Path.of(m.path("experiment_file").asText("experiments.yaml"));
            Experiment experiment = new ExperimentLoader(Set.copyOf(ProbeCatalog.builtin().ids()), WorkloadKinds.BUILT_IN)
                    .parse(file, text, List.of(), List.of(name)).experiments().get(0);
            List<String> axes = new java.util.ArrayList<>(experiment.sweep().axes().keySet());
            if (m.path("hosts").size() > 0 && !axes.contains("host")) {
                axes.add("host"); // merged by uringlab collect: the host is one more axis, drawn as a series
            }
            return PlotSpecs.of(experiment.plots(), axes);
        } catch (IOException | ConfigException | RuntimeException e) {
            // An experiment text this version no longer accepts: the stored runs still plot with defaults.
            return PlotSpecs.defaults();
        }
    }
}
