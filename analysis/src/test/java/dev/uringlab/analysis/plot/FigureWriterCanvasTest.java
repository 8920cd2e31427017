package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PNG canvas is reused per thread: a figure never shows what the one before it painted. */
class FigureWriterCanvasTest {

    @Test
    void aChartWithoutBackgroundIsOnWhiteAfterADarkOne() throws Exception {
        System.setProperty("java.awt.headless", "true");
        JFreeChart dark = chart();
        dark.setBackgroundPaint(Color.BLACK);
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(FigureWriter.png(dark)));
        assertEquals(0x000000, first.getRGB(1, 1) & 0xffffff);
        JFreeChart bare = chart();
        bare.setBackgroundPaint(null);
        BufferedImage second = ImageIO.read(new ByteArrayInputStream(FigureWriter.png(bare)));
        assertEquals(0xffffff, second.getRGB(1, 1) & 0xffffff);
    }

    private static JFreeChart chart() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer());
        return new JFreeChart(null, null, plot, false);
    }
}
