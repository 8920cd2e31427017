package dev.uringlab.analysis.plot;

import java.util.List;
import java.util.Objects;

/**
 * One figure as an experiment file declares it under {@code plots:}. Everything except type
 * and y may be null and then follows the sweep: x is the first swept axis, series are the other
 * swept axes, no facet.
 *
 * @param name     file name stem under figures/ (null: derived from type and y)
 * @param type     the kind of figure
 * @param y        measures (runs.csv column names: {@code iops}, {@code lat_p99_us}, a probe id, {@code probe[key]});
 *                 LINE/BARS/SCATTER accept several, DUAL_AXIS takes exactly two (left, right), CDF takes
 *                 {@code lat}/{@code clat} (fio percentiles) or a histogram probe
 * @param x        the swept axis along the horizontal axis
 * @param series   the swept axis that makes one line/bar per value
 * @param facet    a swept axis that splits the figure into one figure per value
 * @param log      logarithmic value axis
 * @param perIo    probe counts divided by the run's IO count ({@code irq_per_cpu} becomes {@code irq_per_cpu_per_io})
 * @param baseline for RELATIVE: the series value every other one is compared with (null: the first)
 */
public record PlotSpec(String name, PlotType type, List<String> y, String x, String series, String facet,
                       boolean log, boolean perIo, String baseline) {

    public PlotSpec {
        Objects.requireNonNull(type, "type");
        y = List.copyOf(Objects.requireNonNull(y, "y"));
        if (y.isEmpty()) {
            throw new IllegalArgumentException("plot of type " + type.yamlName() + " needs at least one y");
        }
        if (type == PlotType.DUAL_AXIS && y.size() != 2) {
            throw new IllegalArgumentException("dual_axis needs exactly two y (left, right), got " + y.size());
        }
        if (name == null || name.isBlank()) {
            name = type.yamlName() + "-" + String.join("-", y).replaceAll("[^A-Za-z0-9._-]+", "_");
        }
    }

    /** A figure with every optional field following the sweep. */
    public static PlotSpec of(PlotType type, String... y) {
        return new PlotSpec(null, type, List.of(y), null, null, null, false, false, null);
    }

    public PlotSpec named(String newName) {
        return new PlotSpec(newName, type, y, x, series, facet, log, perIo, baseline);
    }

    public PlotSpec withLog(boolean newLog) {
        return new PlotSpec(name, type, y, x, series, facet, newLog, perIo, baseline);
    }

    public PlotSpec withPerIo(boolean newPerIo) {
        return new PlotSpec(name, type, y, x, series, facet, log, newPerIo, baseline);
    }

    public PlotSpec withAxes(String newX, String newSeries, String newFacet) {
        return new PlotSpec(name, type, y, newX, newSeries, newFacet, log, perIo, baseline);
    }

    public PlotSpec withBaseline(String newBaseline) {
        return new PlotSpec(name, type, y, x, series, facet, log, perIo, newBaseline);
    }
}
