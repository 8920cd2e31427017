package dev.uringlab.analysis.plot;

import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log axes read as numbers: 1-2-5 or powers of ten, never "1E-1" or "177.828". */
class LogTicksTest {

    @Test
    void oneTwoFiveWithinThreeDecadesAndPowersOfTenBeyond() {
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0), LogTicks.values(1, 1000));
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0), LogTicks.values(0.005, 20000));
        assertEquals(List.of(1e-6, 1e-4, 1e-2, 1.0, 100.0, 10000.0), LogTicks.values(1e-6, 1e4), "more than 8 decades: every other");
    }

    @Test
    void labelsArePlainNumbersOrPowersOfTenInOneStylePerAxis() {
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1,000", "10,000"), LogTicks.labels(LogTicks.values(0.005, 20000)));
        assertEquals(List.of("10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"), LogTicks.labels(LogTicks.values(1e-5, 1)));
        assertEquals("2×10⁶", LogTicks.power(2e6));
        assertEquals("50", LogTicks.label(50));
        assertEquals("0.2", LogTicks.label(0.2));
    }

    @Test
    void anAxisDrawsReadableTicksAndSweptValuesOnly() {
        ReadableLogAxis latency = new ReadableLogAxis("latency (µs)");
        latency.setRange(30, 6000);
        List<String> labels = latency.ticks(RectangleEdge.BOTTOM).stream().map(NumberTick::getText).toList();
        assertEquals(List.of("50", "100", "200", "500", "1,000", "2,000", "5,000"), labels);
        labels.forEach(l -> assertFalse(l.contains("E") || l.contains(".") && l.length() > 5, l));

        ReadableLogAxis qd = new ReadableLogAxis("queue depth", List.of(1.0, 4.0, 16.0, 64.0), Double.NaN);
        qd.setRange(0.8, 80);
        assertEquals(List.of("1", "4", "16", "64"), qd.ticks(RectangleEdge.BOTTOM).stream().map(NumberTick::getText).toList());

        XAxis think = new XAxis("think time (cycles)", List.of("0", "100", "1000", "10000"), true);
        assertEquals(10.0, think.position("0"), "0 sits one decade below the smallest other value");
        ReadableLogAxis axis = (ReadableLogAxis) think.axis;
        axis.setRange(8, 12000);
        assertEquals(List.of("0", "100", "1,000", "10,000"), axis.ticks(RectangleEdge.BOTTOM).stream().map(NumberTick::getText).toList());
        assertTrue(axis.ticks(RectangleEdge.LEFT).get(0).getTextAnchor().toString().contains("RIGHT"));
    }

    @Test
    void fastRoundingAgreesWithBigDecimal() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            int e = random.nextInt(60) - 30;
            long digits = 1 + random.nextInt(999);
            double exact = java.math.BigDecimal.valueOf(digits).scaleByPowerOfTen(e).doubleValue();
            assertEquals(exact, LogTicks.decimal(digits, e), "nearest double to " + digits + "e" + e);
            double v = i % 2 == 0 ? LogTicks.decimal(digits, e) : Math.exp(random.nextGaussian() * 8);
            assertEquals(0, new java.math.BigDecimal(v).round(new java.math.MathContext(3)).compareTo(LogTicks.threeDigits(v)),
                    "three digits of " + v);
        }
        assertEquals("0.3", LogTicks.threeDigits(0.1 + 0.2).stripTrailingZeros().toPlainString(), "0.30000000000000004 is not a short decimal");
        assertEquals("178", LogTicks.threeDigits(177.828).toPlainString());
    }
}
