package dev.uringlab.analysis.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpuListTest {

    @Test
    void parsesAndFormatsTheKernelSyntax() {
        assertEquals(List.of(1, 0, 4, 5, 6), CpuList.parseInOrder("1,0,4-6,5"));
        assertEquals("0-1,4-6", CpuList.format(CpuList.parse(" 1, 0,4-6 ")));
        assertEquals(List.of(), CpuList.parseInOrder(""));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1"));
    }
}
