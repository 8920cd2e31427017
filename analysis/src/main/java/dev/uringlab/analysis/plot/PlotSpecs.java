package dev.uringlab.analysis.plot;

import java.util.List;

/**
 * What to draw for one experiment.
 *
 * @param plots     the figures declared under {@code plots:}; empty means the defaults ({@link DefaultPlots})
 * @param sweptAxes the sweep's axes in order, as the experiment file lists them; empty means inferred
 *                  from the runs (parameters that vary, in run-id order)
 */
public record PlotSpecs(List<PlotSpec> plots, List<String> sweptAxes) {

    public PlotSpecs {
        plots = List.copyOf(plots);
        sweptAxes = List.copyOf(sweptAxes);
    }

    /** The default figures, axes inferred: what {@code uringlab plot} uses on a bare results directory. */
    public static PlotSpecs defaults() {
        return new PlotSpecs(List.of(), List.of());
    }

    public static PlotSpecs of(List<PlotSpec> plots, List<String> sweptAxes) {
        return new PlotSpecs(plots, sweptAxes);
    }

    public boolean useDefaults() {
        return plots.isEmpty();
    }
}
