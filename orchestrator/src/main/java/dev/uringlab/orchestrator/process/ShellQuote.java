package dev.uringlab.orchestrator.process;

import java.util.List;
import java.util.stream.Collectors;

/** Words for sh: each single-quoted, so spaces, quotes, $ and globs in paths stay part of one word. */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** {@code value} as one sh word: inside single quotes nothing is special but ' itself, written '\''. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A command line sh splits back into exactly {@code argv}. */
    public static String command(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
