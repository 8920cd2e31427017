package dev.uringlab.analysis.plot;

import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.Page;
import org.junit.jupiter.api.Test;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two-decimal coordinates: the digits DecimalFormat("0.##") writes, and JFreePDF really uses them. */
class VectorNumbersTest {

    @Test
    void theSameDigitsAsDecimalFormatAwayFromExactTies() {
        DecimalFormat reference = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        reference.setRoundingMode(RoundingMode.HALF_EVEN);
        Random random = new Random(42);
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.3) * 2000;     // figure coordinates
                case 1 -> Math.round(random.nextDouble() * 1e5) / 100.0; // already two decimals
                case 2 -> (random.nextDouble() - 0.5) * 0.1;      // near zero
                default -> random.nextInt(2000) - 500;            // whole points
            };
            double scaled = Math.abs(v * 100);
            if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) {
                continue; // a tie within a double's error of v * 100: either neighbour is a hundredth away
            }
            String expected = reference.format(v);
            assertEquals(expected.equals("-0") ? "0" : expected, VectorNumbers.twoDecimals(v), "for " + v);
            compared++;
        }
        assertTrue(compared > 190_000);
        assertEquals("12.5", VectorNumbers.twoDecimals(12.499999));
        assertEquals("-0.07", VectorNumbers.twoDecimals(-0.0712));
        assertEquals("0", VectorNumbers.twoDecimals(-0.0));
        assertEquals("1.0E13", VectorNumbers.twoDecimals(1e13), "out of a figure's range: the plain double");
        assertEquals("0.707107", VectorNumbers.sixDecimals(Math.sqrt(0.5)));
        assertEquals("-1", VectorNumbers.sixDecimals(-1.0000000001));
        assertEquals("0.000001", VectorNumbers.sixDecimals(1e-6));
        assertEquals("123.05", VectorNumbers.sixDecimals(123.05));
    }

    @Test
    void thePdfStreamWritesCoordinatesThroughIt() {
        PDFDocument doc = new PDFDocument();
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, 100, 100));
        // False would mean another JFreePDF without the field: figures still right, only slower.
        assertTrue(VectorNumbers.install(page), "JFreePDF's geometry format replaced");
        page.getGraphics2D().draw(new Line2D.Double(1.234567, 2.5, 33.333333, 44.999));
        page.getGraphics2D().draw(new Line2D.Double(-0.001, 7, 8, 9)); // DecimalFormat would write "-0"
        byte[] content = ((org.jfree.pdf.stream.GraphicsStream) page.getContents()).getRawStreamData();
        String pdf = new String(content, StandardCharsets.ISO_8859_1);
        assertTrue(pdf.contains("1.23 ") && pdf.contains("33.33 ") && pdf.contains("45 "), pdf);
        assertTrue(pdf.contains("\n0 7 m\n"), pdf);
    }
}
