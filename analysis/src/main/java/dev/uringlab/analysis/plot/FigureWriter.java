package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a figure as PNG (for slides and the HTML report), SVG and PDF (vector, for the thesis).
 * The PNG is drawn at twice the layout size so it stays sharp when scaled to a page width.
 */
public final class FigureWriter {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final int PNG_SCALE = 2;

    static {
        // Figures are drawn on servers and in CI without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private FigureWriter() {
    }

    /** Writes name.png, name.svg and name.pdf into dir; returns the SVG text (for inlining in report.html). */
    public static String write(Figure figure, Path dir) throws IOException {
        return write(figure, dir, System::nanoTime, (phase, nanos, summed) -> { });
    }

    /** Where the time of each format went, for bench-plot's profile. */
    public interface Timer {
        void add(String phase, long nanos, boolean summedOverThreads);
    }

    /** @param clock ns (e.g. the thread's CPU time) */
    public static String write(Figure figure, Path dir, java.util.function.LongSupplier clock, Timer timer) throws IOException {
        Files.createDirectories(dir);
        long t0 = clock.getAsLong();
        BufferedImage image = draw(figure.chart());
        long drawn = clock.getAsLong();
        Files.write(dir.resolve(figure.name() + ".png"), PngEncoder.encode(image));
        long t1 = clock.getAsLong();
        String svg = svg(figure.chart());
        Files.writeString(dir.resolve(figure.name() + ".svg"), svg, StandardCharsets.UTF_8);
        long t2 = clock.getAsLong();
        Files.write(dir.resolve(figure.name() + ".pdf"), pdf(figure.chart(), figure.title()));
        timer.add("PNG draw", drawn - t0, true);
        timer.add("PNG encode", t1 - drawn, true);
        timer.add("SVG (draw + write)", t2 - t1, true);
        timer.add("PDF (draw + write)", clock.getAsLong() - t2, true);
        return svg;
    }

    public static byte[] png(JFreeChart chart) throws IOException {
        return PngEncoder.encode(draw(chart));
    }

    /**
     * One 1800x1120 canvas per drawing thread, reused (and cleared) for each figure: a new one is
     * 8 MB the JVM zeroes, and ten of them were most of what a cold `plot` allocated before its
     * first collection. Soft, so a long-lived JVM can take it back.
     */
    private static final ThreadLocal<java.lang.ref.SoftReference<BufferedImage>> CANVAS = new ThreadLocal<>();

    private static BufferedImage canvas() {
        java.lang.ref.SoftReference<BufferedImage> ref = CANVAS.get();
        BufferedImage image = ref == null ? null : ref.get();
        if (image == null) {
            image = new BufferedImage(WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
            CANVAS.set(new java.lang.ref.SoftReference<>(image));
        }
        return image;
    }

    /** The chart drawn on this thread's canvas; valid until the thread draws the next one. */
    private static BufferedImage draw(JFreeChart chart) {
        BufferedImage image = canvas();
        Graphics2D g2 = image.createGraphics();
        try {
            // Whatever the chart leaves unpainted is white, not the previous figure.
            g2.setColor(java.awt.Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.scale(PNG_SCALE, PNG_SCALE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g2.dispose();
        }
        return image;
    }

    public static String svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setGeomDoubleConverter(VectorNumbers::twoDecimals);
        g2.setTransformDoubleConverter(VectorNumbers::sixDecimals);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    public static byte[] pdf(JFreeChart chart, String title) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("uringlab");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        VectorNumbers.install(page);
        PDFGraphics2D g2 = page.getGraphics2D();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return doc.getPDFBytes();
    }
}
