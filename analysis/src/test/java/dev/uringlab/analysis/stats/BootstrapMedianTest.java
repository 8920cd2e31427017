package dev.uringlab.analysis.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapMedianTest {

    @Test
    void medianWithAnIntervalThatCoversItAndStaysInTheSample() {
        BootstrapMedian b = BootstrapMedian.of(List.of(0.89, 1.12, 0.97, 1.01, 0.95, 0.99));
        assertEquals(0.98, b.median(), 1e-12);
        assertTrue(b.low() <= b.median() && b.median() <= b.high(), b.toString());
        assertTrue(b.low() >= 0.89 && b.high() <= 1.12, b.toString());
        assertEquals(b, BootstrapMedian.of(List.of(0.89, 1.12, 0.97, 1.01, 0.95, 0.99)), "same ratios, same interval");
    }

    @Test
    void aConstantSampleHasAZeroWidthInterval() {
        assertEquals(new BootstrapMedian(1.0, 1.0, 1.0), BootstrapMedian.of(List.of(1.0, 1.0, 1.0)));
    }
}
