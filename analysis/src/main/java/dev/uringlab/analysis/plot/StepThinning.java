package dev.uringlab.analysis.plot;

/**
 * Which points of a step curve (a CDF from histogram bins) a figure needs so that the thinned
 * curve is drawn within {@link #TOLERANCE_PX} of the full one. fio's json+ bins are 1/64 of a
 * doubling apart: a latency CDF of eight runs had ~2,100 steps, most rising by a fraction of a
 * pixel, and each step cost two SVG elements, PDF path segments and PNG strokes (the two CDF
 * figures were 1.2 MB of SVG each and a fifth of the report's drawing time).
 *
 * <p>A point is dropped only when its y is within the tolerance of the last point kept. The
 * thinned step function then differs from the full one by less than the tolerance at every x
 * (both are flat between their points, and every dropped level is that close to the kept level
 * before it), so no drawn line moves by more than that. The first and last points, and every
 * point in the slowest {@link #TAIL_KEPT} of the I/Os, are always kept: the extreme tail is what
 * a reader looks for, and it is few points. The data table keeps every bin.
 */
final class StepThinning {

    /** In layout units (points): one pixel of the 2x PNG, half a pixel of the report's inline SVG. */
    static final double TOLERANCE_PX = 0.5;
    /** Steps above this fraction of the I/Os (p99.9 and slower) are never dropped. */
    static final double TAIL_KEPT = 0.001;

    /**
     * How data values map to layout units: an upper bound of the axis' real scale (the whole
     * figure's height over the data's span, which the axis range contains), so the tolerance
     * holds whatever the legend, caption and margins take.
     */
    record Scale(boolean log, double pxPerUnit) {

        /** @param low  the smallest value the axis shows (data minimum, or a fixed range's lower end)
         *  @param high the largest
         *  @param px   the figure's extent along this axis, in layout units */
        static Scale of(boolean log, double low, double high, double px) {
            double span = log ? Math.log10(high) - Math.log10(low) : high - low;
            // One distinct value: every difference is 0, any scale will do.
            return new Scale(log, span > 0 && Double.isFinite(span) ? px / span : 0);
        }

        double px(double v) {
            return (log ? Math.log10(v) : v) * pxPerUnit;
        }
    }

    private StepThinning() {
    }

    /**
     * @param ys    the step points' y in x order (monotone)
     * @param above for each point, the fraction of I/Os slower than it (1 − CDF)
     * @return the indices to draw, ascending; always the first and the last
     */
    static int[] kept(double[] ys, double[] above, Scale y) {
        int n = ys.length;
        if (n <= 2) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] out = new int[n];
        int count = 0;
        out[count++] = 0;
        double last = y.px(ys[0]);
        for (int i = 1; i < n - 1; i++) {
            double v = y.px(ys[i]);
            if (Math.abs(v - last) >= TOLERANCE_PX || above[i] <= TAIL_KEPT) {
                out[count++] = i;
                last = v;
            }
        }
        out[count++] = n - 1;
        return java.util.Arrays.copyOf(out, count);
    }
}
