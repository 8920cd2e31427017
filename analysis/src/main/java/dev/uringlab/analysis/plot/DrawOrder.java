package dev.uringlab.analysis.plot;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The order the report draws its figures in on its threads: the costliest first, so that no
 * thread is left drawing a heavy figure alone while the others have finished. Drawn in list
 * order, the two latency CDFs (among the heaviest) came last in the default set and the report
 * waited on one thread for them. The weights are the cold-JVM costs measured on `plot` of an
 * 8-run sweep (a panel ~25 ms, a thinned CDF ~50 ms, a one-plot figure ~30-40 ms), rounded.
 */
public final class DrawOrder {

    private DrawOrder() {
    }

    /** Relative cost of drawing the spec's figure in all three formats. */
    static int weight(PlotSpec spec) {
        return switch (spec.type()) {
            case PANELS, COUNTS -> 3 * Math.max(1, spec.y().size());
            case CDF, SCATTER -> 5;
            default -> 4;
        };
    }

    /** Indices into specs, heaviest first; equal weights keep their order. */
    public static int[] of(List<PlotSpec> specs) {
        return IntStream.range(0, specs.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -weight(specs.get(i))))
                .mapToInt(Integer::intValue).toArray();
    }
}
