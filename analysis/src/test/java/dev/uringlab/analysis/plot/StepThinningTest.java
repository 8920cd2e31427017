package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thinned CDF is drawn within the tolerance of the full one, keeps its extreme tail, and is much smaller. */
class StepThinningTest {

    /** fio-like json+ bins: 64 per doubling of latency, a log-normal body around 80 µs and a few slow outliers. */
    private static TreeMap<Double, Long> fioLikeBins(long seed) {
        Random random = new Random(seed);
        TreeMap<Double, Long> bins = new TreeMap<>();
        for (int i = 0; i < 500_000; i++) {
            double us = 80 * Math.exp(0.35 * random.nextGaussian());
            bins.merge(bin(us), 1L, Long::sum);
        }
        for (double us : new double[] {900, 1500, 2200, 4100}) {
            bins.merge(bin(us), 1L, Long::sum);
        }
        return bins;
    }

    private static double bin(double us) {
        double step = Math.pow(2, Math.floor(Math.log(us) / Math.log(2))) / 64;
        return Math.floor(us / step) * step;
    }

    @Test
    void theThinnedCdfStaysWithinTheToleranceAndKeepsTheTail() {
        for (boolean tail : new boolean[] {false, true}) {
            Map<String, CdfFigure.Steps> full = new LinkedHashMap<>();
            full.put("a", CdfFigure.accumulate(fioLikeBins(1), tail, "a", table()));
            full.put("b", CdfFigure.accumulate(fioLikeBins(2), tail, "b", table()));
            XYSeriesCollection drawn = new XYSeriesCollection();
            CdfFigure.addThinned(full, tail, drawn);
            StepThinning.Scale y = scaleOf(full, tail);
            int s = 0;
            for (CdfFigure.Steps steps : full.values()) {
                XYSeries thin = drawn.getSeries(s++);
                int n = steps.xs().length;
                System.out.println("thinned " + n + " steps to " + thin.getItemCount() + " (tail " + tail + ")");
                assertTrue(thin.getItemCount() < 0.8 * n, "thinned " + n + " steps to " + thin.getItemCount() + " (tail " + tail + ")");
                assertEquals(steps.xs()[0], thin.getX(0).doubleValue(), "first step kept");
                assertEquals(steps.xs()[n - 1], thin.getX(thin.getItemCount() - 1).doubleValue(), "slowest step kept");
                int k = 0;
                for (int i = 0; i < n; i++) {
                    // The drawn level at this step's x: the last kept point at or left of it.
                    while (k + 1 < thin.getItemCount() && thin.getX(k + 1).doubleValue() <= steps.xs()[i]) {
                        k++;
                    }
                    double error = Math.abs(y.px(steps.ys()[i]) - y.px(thin.getY(k).doubleValue()));
                    assertTrue(error < StepThinning.TOLERANCE_PX, "step " + i + " drawn " + error + " units off (tail " + tail + ")");
                    if (steps.above()[i] <= StepThinning.TAIL_KEPT) {
                        assertEquals(steps.xs()[i], thin.getX(k).doubleValue(), "the slowest 0.1% are all drawn: step " + i);
                    }
                }
            }
        }
    }

    @Test
    void aRiseOfTheToleranceIsKeptAndSmallerOnesAreNot() {
        StepThinning.Scale y = StepThinning.Scale.of(false, 0, 1, 100); // 100 units for the whole range
        double[] ys = {0.0, 0.002, 0.004, 0.006, 0.05, 0.051, 0.06, 1.0};
        double[] above = {1, 1, 1, 1, 1, 1, 1, 0};
        // 0.6 units after 0 (index 3) is the first point the tolerance keeps, 0.05 (5 units) next;
        // 0.051 is 0.1 from it, 0.06 is 1 unit from it.
        assertArrayEquals(new int[] {0, 3, 4, 6, 7}, StepThinning.kept(ys, above, y));
        double[] tail = {1, 1, 1, 1, 1, 0.001, 0.0005, 0};
        assertArrayEquals(new int[] {0, 3, 4, 5, 6, 7}, StepThinning.kept(ys, tail, y), "p99.9 and beyond always kept");
    }

    @Test
    void oneValueOrOnePointIsNotThinnedAway() {
        StepThinning.Scale flat = StepThinning.Scale.of(true, 0.5, 0.5, 560);
        assertEquals(0, flat.pxPerUnit());
        assertArrayEquals(new int[] {0}, StepThinning.kept(new double[] {0.5}, new double[] {0.5}, flat));
        assertArrayEquals(new int[] {0, 1}, StepThinning.kept(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, flat));
    }

    private static StepThinning.Scale scaleOf(Map<String, CdfFigure.Steps> full, boolean tail) {
        if (!tail) {
            return StepThinning.Scale.of(false, 0, 1.02, FigureWriter.HEIGHT);
        }
        double low = full.values().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).min().orElseThrow();
        double high = full.values().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.ys())).max().orElseThrow();
        return StepThinning.Scale.of(true, low, high, FigureWriter.HEIGHT);
    }

    private static DataTable.Builder table() {
        return DataTable.builder("configuration", "latency_us", "fraction", "count");
    }
}
