package dev.uringlab.analysis.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsTest {

    @Test
    void studentTMatchesPublishedTables() {
        assertEquals(12.706, StudentT.critical(0.95, 1), 1e-3);
        assertEquals(4.303, StudentT.critical(0.95, 2), 1e-3);
        assertEquals(2.228, StudentT.critical(0.95, 10), 1e-3);
        assertEquals(1.960, StudentT.critical(0.95, 1e6), 1e-3);
    }

    @Test
    void summaryHasMeanSdAndStudentInterval() {
        Summary s = Summary.of(new double[] {10, 12, 14});
        assertEquals(3, s.n());
        assertEquals(12, s.mean(), 1e-12);
        assertEquals(2, s.stddev(), 1e-12);
        double half = 4.302653 * 2 / Math.sqrt(3);
        assertEquals(12 - half, s.ciLow(), 1e-5);
        assertEquals(12 + half, s.ciHigh(), 1e-5);
        assertEquals(10, s.min());
        assertEquals(14, s.max());
    }

    @Test
    void oneRunHasNoInterval() {
        Summary s = Summary.of(new double[] {5});
        assertFalse(s.hasInterval());
        assertEquals(0, s.halfWidth());
        assertFalse(s.overlaps(Summary.of(new double[] {5})));
    }

    @Test
    void relativeChangeAndOverlapWarning() {
        Summary base = Summary.of(new double[] {100, 101, 99});
        Summary lower = Summary.of(new double[] {83, 84, 82});
        RelativeChange rc = RelativeChange.of(base, lower);
        assertEquals(-0.17, rc.change(), 1e-12);
        assertTrue(rc.ciLow() < -0.17 && rc.ciHigh() > -0.17 && rc.ciHigh() < 0, rc.toString());
        assertFalse(rc.overlap());
        RelativeChange noisy = RelativeChange.of(base, Summary.of(new double[] {80, 120, 95}));
        assertTrue(noisy.overlap());
    }

    @Test
    void madFlagsTheStallAndKeepsTheRest() {
        boolean[] flags = Outliers.flag(new double[] {100, 102, 98, 101, 99, 40});
        assertArrayEquals(new boolean[] {false, false, false, false, false, true}, flags);
        assertArrayEquals(new boolean[2], Outliers.flag(new double[] {1, 1000}));
    }

    @Test
    void percentFormatting() {
        assertEquals("−17.0%", Numbers.percent(-0.17));
        assertEquals("[−20.1, −13.9]", Numbers.percentInterval(-0.201, -0.139));
    }
}
