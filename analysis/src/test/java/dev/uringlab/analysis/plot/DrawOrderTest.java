package dev.uringlab.analysis.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The default figures are drawn costliest first: multi-panel figures, then the CDFs, then the rest in order. */
class DrawOrderTest {

    @Test
    void heaviestFirstAndEqualWeightsInTheirOrder() {
        List<PlotSpec> specs = List.of(
                PlotSpec.of(PlotType.LINE, "iops"),
                new PlotSpec("panels-iops-latency", PlotType.PANELS, List.of("iops", "lat_mean_us", "lat_p99_us"),
                        null, null, null, false, false, null),
                PlotSpec.of(PlotType.RELATIVE, "iops"),
                new PlotSpec("probes-per-io", PlotType.PANELS, List.of("a", "b", "c", "d"), null, null, null, true, true, null),
                PlotSpec.of(PlotType.PER_CPU, "irq"),
                PlotSpec.of(PlotType.CDF, "lat"),
                PlotSpec.of(PlotType.CDF, "lat").withLog(true));
        assertArrayEquals(new int[] {3, 1, 5, 6, 0, 2, 4}, DrawOrder.of(specs));
    }
}
