package dev.uringlab.analysis.plot;

import org.jfree.pdf.Page;

import java.lang.reflect.Field;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.util.Locale;

/**
 * Coordinates in the SVG and PDF figures, written with two decimals (a hundredth of a point, far
 * below what any viewer or printer resolves) by plain integer arithmetic. JFreePDF formats every
 * coordinate through a DecimalFormat ("0.##"): 40% of the PDF's time in a cold JVM went there
 * (JFR on `plot` of an 8-run sweep), and JFreeSVG's default writes 17 digits ("174.37001037597656").
 */
final class VectorNumbers {

    /** Beyond this a coordinate is not a figure's; the library's own formatting is used. */
    private static final double LIMIT = 1e12;

    private VectorNumbers() {
    }

    /** v rounded half-even to two decimals, without trailing zeros or a negative zero: "12", "12.5", "-0.07". */
    static String twoDecimals(double v) {
        return Math.abs(v) < LIMIT ? fixed(v, 100, 2) : plain(v);
    }

    /**
     * Six decimals, for the SVG's transforms (a rotation's cosines): set so that JFreeSVG's own
     * formatter, whose tables cost a cold JVM ~20 ms to build, is never called.
     */
    static String sixDecimals(double v) {
        return Math.abs(v) < LIMIT / 1e4 ? fixed(v, 1_000_000, 6) : plain(v);
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    private static String fixed(double v, long scale, int places) {
        long units = (long) Math.rint(v * scale);
        StringBuilder out = new StringBuilder(16);
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        out.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0) {
            out.append('.');
            for (long digit = scale / 10; fraction != 0; digit /= 10) {
                out.append((char) ('0' + fraction / digit));
                fraction %= digit;
            }
        }
        return out.toString();
    }

    /** JFreePDF's "0.##" geometry format, done by {@link #twoDecimals}. */
    static final class GeometryFormat extends DecimalFormat {

        private static final long serialVersionUID = 1L;

        GeometryFormat() {
            super("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        }

        @Override
        public StringBuffer format(double number, StringBuffer result, FieldPosition position) {
            return Math.abs(number) < LIMIT ? result.append(twoDecimals(number)) : super.format(number, result, position);
        }
    }

    private static final Field PDF_GEOMETRY = pdfGeometryField();

    private static Field pdfGeometryField() {
        try {
            Field f = org.jfree.pdf.stream.GraphicsStream.class.getDeclaredField("geometryFormat");
            f.setAccessible(true);
            return f.getType() == DecimalFormat.class ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another JFreePDF: its own formatting, slower but the same figure
        }
    }

    /** Puts {@link GeometryFormat} into the page's content stream; true when it is in place. */
    static boolean install(Page page) {
        if (PDF_GEOMETRY == null || !(page.getContents() instanceof org.jfree.pdf.stream.GraphicsStream stream)) {
            return false;
        }
        try {
            PDF_GEOMETRY.set(stream, new GeometryFormat());
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
