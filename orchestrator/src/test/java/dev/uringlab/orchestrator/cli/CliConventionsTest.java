package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every subcommand answers -h and --help, and the hint a usage error prints is a command that works. */
class CliConventionsTest {

    record Outcome(int code, String out) {
    }

    static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return new Outcome(Main.execute(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static List<String> subcommands() {
        List<String> names = new ArrayList<>(new CommandLine(new Main()).getSubcommands().keySet());
        names.remove("help");
        return names;
    }

    @Test
    void everySubcommandAnswersHelpWithExit0() {
        List<String> names = subcommands();
        assertTrue(names.containsAll(List.of("run", "plan", "restore", "plot", "topology", "overhead")), names.toString());
        for (String name : names) {
            for (String flag : List.of("-h", "--help")) {
                Outcome o = run(name, flag);
                assertEquals(0, o.code(), name + " " + flag + ": " + o.out());
                assertTrue(o.out().contains("Usage: uringlab " + name), name + " " + flag + ": " + o.out());
                // a lone % in a description makes picocli print its raw text with a warning
                assertFalse(o.out().contains("picocli WARN"), name + " " + flag + ": " + o.out());
            }
        }
    }

    @Test
    void theHintOfAUsageErrorIsACommandThatWorks() {
        for (String name : subcommands()) {
            Outcome bad = run(name, "--no-such-option");
            assertEquals(ExitCodes.USAGE, bad.code(), name + ": " + bad.out());
            Matcher hint = Pattern.compile("\\(see (uringlab [^)]+)\\)").matcher(bad.out());
            assertTrue(hint.find(), name + ": " + bad.out());
            String[] argv = hint.group(1).split(" ");
            Outcome followed = run(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            assertEquals(0, followed.code(), hint.group(1) + ": " + followed.out());
            assertFalse(followed.out().contains("Unknown option"), followed.out());
        }
    }
}
