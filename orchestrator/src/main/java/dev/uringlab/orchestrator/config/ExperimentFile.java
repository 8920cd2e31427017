package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.verdict.Expectation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded experiment file: its text (kept for the manifest and its hash), its experiments, and
 * each experiment's {@code expect:} claims by experiment name.
 */
public record ExperimentFile(Path path, String text, List<Experiment> experiments,
                             Map<String, List<Expectation>> expectations) {
    public ExperimentFile {
        experiments = List.copyOf(experiments);
        expectations = Map.copyOf(expectations);
    }

    public ExperimentFile(Path path, String text, List<Experiment> experiments) {
        this(path, text, experiments, Map.of());
    }

    /** The claims of one experiment, none if it declares none. */
    public List<Expectation> expectationsOf(String experiment) {
        return expectations.getOrDefault(experiment, List.of());
    }
}
