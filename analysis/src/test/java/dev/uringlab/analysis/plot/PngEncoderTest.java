package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.stats.Grouping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The chart PNG decodes (with the JDK's own reader) to exactly the pixels drawn. */
class PngEncoderTest {

    @Test
    void aDrawnFigureDecodesToTheSamePixels(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        var results = ResultsDirectory.load(TestRuns.write(dir));
        var ctx = new FigureContext(Grouping.of(results.runs(), List.of()), results.runs(), results.manifest());
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx).get(0);
        BufferedImage drawn = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var g = drawn.createGraphics();
        f.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 300, 200));
        g.dispose();
        drawn.setRGB(0, 0, 0xff0102); // a wrap-around in the Sub filter: 0x01 - 0xff
        drawn.setRGB(1, 0, 0x000000);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(drawn)));
        assertNotNull(read);
        assertEquals(300, read.getWidth());
        assertEquals(200, read.getHeight());
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                assertEquals(drawn.getRGB(x, y), read.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(FigureWriter.png(f.chart())));
        assertEquals(2 * FigureWriter.WIDTH, full.getWidth());
    }

    /**
     * Rows of noise (every pixel a new colour) between flat rows and rows of long runs: what the
     * encoder writes only where the colour changes must be cleared again for the next row.
     */
    @Test
    void noisyRowsBetweenFlatOnesAndAlphaBitsDecodeExactly() throws Exception {
        int w = 257;
        int h = 9;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int colour = switch (y % 3) {
                    case 0 -> random.nextInt(0x1000000);
                    case 1 -> 0xffffff;
                    default -> x < 100 ? 0x000000 : x < 200 ? 0x0072b2 : 0xe69f00;
                };
                // A top byte the colour model ignores must not make two equal colours differ.
                pixels[y * w + x] = colour | (random.nextBoolean() ? 0xff000000 : 0);
            }
        }
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(pixels[y * w + x] & 0xffffff, read.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }
}
