package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uringlab probes --print ID --variant V}: one variant as a script; a wrong id or variant is a usage error. */
class ProbesPrintTest {

    @Test
    void printsTheChosenVariantWithItsMeaning() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("probes", "--print", "kick_process", "--variant", "kprobe");
        } finally {
            System.setOut(old);
        }
        String script = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, code);
        assertTrue(script.startsWith("// kick_process (kprobe): "), script);
        assertTrue(script.contains("kprobe:kick_process"), script);
        assertTrue(!script.contains("@variant"), "only the chosen variant's program: " + script);
    }

    @Test
    void unknownProbeOrVariantIsAUsageError() {
        CliErrorsTest.Outcome probe = CliErrorsTest.run("probes", "--print", "kick_proces");
        assertEquals(ExitCodes.USAGE, probe.code());
        assertTrue(probe.err().contains("unknown probe kick_proces, did you mean kick_process?"), probe.err());
        CliErrorsTest.Outcome variant = CliErrorsTest.run("probes", "--print", "kick_process", "--variant", "uprobe");
        assertEquals(ExitCodes.USAGE, variant.code());
        assertTrue(variant.err().contains("probe kick_process has no variant uprobe (variants: "), variant.err());
        assertEquals(1, variant.err().strip().lines().count(), variant.err());
    }
}
