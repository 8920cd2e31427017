package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each series is one path of steps: flat to the next point's x, then to its y. */
class StepPathRendererTest {

    @Test
    void aSeriesIsOnePathOfFlatThenVerticalSegments() {
        System.setProperty("java.awt.headless", "true");
        XYSeries series = new XYSeries("a");
        double[][] points = {{1, 0.1}, {2, 0.5}, {3, 0.5}, {5, 0.9}, {8, 1.0}};
        for (double[] p : points) {
            series.add(p[0], p[1]);
        }
        StepPathRenderer renderer = new StepPathRenderer();
        renderer.setSeriesPaint(0, new Color(1, 2, 3));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"), renderer);
        String svg = FigureWriter.svg(new JFreeChart(null, null, plot, false)); // no legend: its line has the colour too

        Matcher m = Pattern.compile("<g style='[^']*stroke:rgb\\(1,2,3\\)[^>]*><path d='([^']*)'").matcher(svg);
        assertTrue(m.find(), "the series is drawn as a path");
        String path = m.group(1);
        assertTrue(!m.find(), "as one path");
        Matcher xy = Pattern.compile("[ML](-?[\\d.]+),(-?[\\d.]+)").matcher(path);
        List<double[]> at = new ArrayList<>();
        while (xy.find()) {
            at.add(new double[] {Double.parseDouble(xy.group(1)), Double.parseDouble(xy.group(2))});
        }
        assertEquals(2 * points.length - 1, at.size(), "a corner between each two points: " + path);
        for (int i = 1; i < at.size(); i += 2) {
            assertEquals(at.get(i - 1)[1], at.get(i)[1], 1e-3, "flat first, at the previous level");
            assertEquals(at.get(i)[0], at.get(i + 1)[0], 1e-3, "then straight to the next point");
        }
        assertTrue(at.get(2)[1] < at.get(0)[1], "y grows upwards in data, downwards in Java2D");
    }
}
