package dev.uringlab.analysis.report;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every index is drawn exactly once whatever thread takes it, and a failure on any thread reaches the caller. */
class ForEachParallelTest {

    @Test
    void eachIndexOnceAndTheFailureRethrown() {
        int[] order = {4, 0, 3, 1, 2, 7, 6, 5};
        AtomicIntegerArray runs = new AtomicIntegerArray(order.length);
        ReportGenerator.forEachParallel(order, i -> runs.incrementAndGet(i));
        for (int i = 0; i < order.length; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
        UncheckedIOException boom = new UncheckedIOException(new java.io.IOException("disk full"));
        AtomicIntegerArray after = new AtomicIntegerArray(order.length);
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> ReportGenerator.forEachParallel(order, i -> {
            if (i == 3) {
                throw boom;
            }
            after.incrementAndGet(i);
        }));
        assertSame(boom, thrown);
        assertEquals(0, after.get(3));
    }
}
