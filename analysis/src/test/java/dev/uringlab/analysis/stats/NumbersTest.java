package dev.uringlab.analysis.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast six-digit formatting must print exactly what the BigDecimal reference prints (runs.csv goldens depend on it). */
class NumbersTest {

    @Test
    void fastFormattingAgreesWithTheExactReferenceEverywhere() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = 0; i < 400_000; i++) {
            double v = switch (i % 4) {
                case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-10, 15));
                case 1 -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(-6, 10));
                case 2 -> Math.round(rnd.nextDouble() * 1e7) / Math.pow(10, rnd.nextInt(0, 9)) + 5e-7 * rnd.nextInt(-1, 2);
                default -> (rnd.nextInt(1, 2_000_000) + 0.5) / Math.pow(10, rnd.nextInt(0, 12)); // ties in decimal
            };
            if (v == Math.rint(v)) {
                continue;
            }
            assertEquals(Numbers.sixDigitsExact(v), Numbers.cell(v), "for " + v);
        }
        assertEquals("0.000123457", Numbers.cell(0.0001234567));
        assertEquals("1234570", Numbers.cell(1234567.8));
        assertEquals("99.5", Numbers.cell(99.5));
        assertEquals("1", Numbers.cell(0.9999999));
        assertEquals("-2.5", Numbers.cell(-2.5));
    }
}
