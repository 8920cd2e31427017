package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A figure from a `uringlab lab` guest says in its caption that its timings are emulated. */
class ManifestCaptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHostRunHasThePlainCaption() throws Exception {
        Manifest m = Manifest.of(JSON.readTree("{\"experiment\":\"x\",\"host\":{\"hostname\":\"h\",\"kernel\":\"6.18\"}}"), "x");
        assertEquals("x · host h · kernel 6.18", m.caption());
    }

    @Test
    void aGuestRunSaysEmulated() throws Exception {
        Manifest m = Manifest.of(JSON.readTree("{\"experiment\":\"x\",\"host\":{\"hostname\":\"uringlab-guest\","
                + "\"kernel\":\"6.1.0-56-amd64\",\"emulated\":\"qemu-tcg\"}}"), "x");
        assertEquals("x · host uringlab-guest · kernel 6.1.0-56-amd64 · emulated (qemu-tcg): counts real, timings not",
                m.caption());
    }
}
