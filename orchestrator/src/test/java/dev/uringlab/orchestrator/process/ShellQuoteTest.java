package dev.uringlab.orchestrator.process;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellQuoteTest {

    private static final List<String> AWKWARD = List.of("/work/my checkout/workloads/ringbench/uringlab-barrier",
            "/tmp/it's here/barrier.sock", "a  b", "$HOME", "*", "semi;colon", "back\\slash", "\"double\"", "", "open");

    @Test
    void eachWordIsSingleQuotedAndAQuoteIsClosedEscapedAndReopened() {
        assertEquals("'/a b/x' 'it'\\''s' 'open'", ShellQuote.command(List.of("/a b/x", "it's", "open")));
    }

    /** sh (as system(3) runs it) splits the quoted line back into exactly the words, nothing expanded. */
    @Test
    void shSplitsTheLineBackIntoTheSameWords() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(AWKWARD);
        Process sh = new ProcessBuilder("/bin/sh", "-c", ShellQuote.command(argv)).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, sh.exitValue(), out);
        assertEquals(String.join("\n", AWKWARD) + "\n", out);
    }
}
