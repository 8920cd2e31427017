package dev.uringlab.analysis.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Okabe–Ito colours (distinguishable with every common colour-vision deficiency) paired with a
 * distinct marker per series, so a figure still reads when printed in grey.
 */
public final class Palette {

    // Okabe & Ito (2008); black last, yellow late because it is faint on white.
    private static final Color[] COLORS = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0x56B4E9), new Color(0xCC79A7), new Color(0x000000), new Color(0xF0E442)};

    public static final String FONT = "DejaVu Sans";
    public static final Font TITLE = new Font(FONT, Font.BOLD, 18);
    public static final Font LABEL = new Font(FONT, Font.PLAIN, 15);
    public static final Font TICK = new Font(FONT, Font.PLAIN, 13);
    public static final Font CAPTION = new Font(FONT, Font.PLAIN, 11);
    public static final Color GRID = new Color(0xDDDDDD);

    private Palette() {
    }

    public static Color color(int series) {
        return COLORS[Math.floorMod(series, COLORS.length)];
    }

    public static Shape shape(int series) {
        double s = 8;
        return switch (Math.floorMod(series, 5)) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case 2 -> triangle(s, true);
            case 3 -> diamond(s);
            default -> triangle(s, false);
        };
    }

    private static Shape triangle(double s, boolean up) {
        Path2D p = new Path2D.Double();
        double d = up ? 1 : -1;
        p.moveTo(0, -d * s / 2);
        p.lineTo(s / 2, d * s / 2);
        p.lineTo(-s / 2, d * s / 2);
        p.closePath();
        return p;
    }

    private static Shape diamond(double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -s / 1.6);
        p.lineTo(s / 1.6, 0);
        p.lineTo(0, s / 1.6);
        p.lineTo(-s / 1.6, 0);
        p.closePath();
        return p;
    }
}
