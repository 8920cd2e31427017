package dev.uringlab.orchestrator.config;

import java.nio.file.Path;
import java.util.List;

/** A loaded experiment file: its text (kept for the manifest and its hash) and its experiments. */
public record ExperimentFile(Path path, String text, List<Experiment> experiments) {
    public ExperimentFile {
        experiments = List.copyOf(experiments);
    }
}
