package dev.uringlab.analysis.verdict;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectTest {

    @Test
    void parsesEveryForm() {
        assertTrue(((Effect.Direction) Effect.parse("higher")).higher());
        Effect.Relative fewer = (Effect.Relative) Effect.parse(">= 90% fewer");
        assertEquals(0.1, fewer.hi(), 1e-12);
        assertTrue(fewer.contains(0.05) && !fewer.contains(0.2));
        Effect.Relative more = (Effect.Relative) Effect.parse("≥ 20% more");
        assertTrue(more.contains(1.3) && !more.contains(1.1));
        Effect.Relative within = (Effect.Relative) Effect.parse("within ±5%");
        assertTrue(within.contains(0.96) && !within.contains(1.06));
        assertInstanceOf(Effect.Relative.class, Effect.parse("within +-5%"));
        Effect.Absolute below = (Effect.Absolute) Effect.parse("< 0.01");
        assertTrue(below.contains(0.001) && !below.contains(0.02));
        Effect.Absolute between = (Effect.Absolute) Effect.parse("between 0.8 and 1.2");
        assertTrue(between.contains(1.0) && !between.contains(1.3));
    }

    @Test
    void refusesWordsItDoesNotKnowNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Effect.parse("much lower"));
        assertTrue(e.getMessage().contains("'>= 90% fewer'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Effect.parse(">= 120% fewer"));
        assertThrows(IllegalArgumentException.class, () -> Effect.parse("between 2 and 1"));
    }
}
