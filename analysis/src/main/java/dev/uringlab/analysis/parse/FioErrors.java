package dev.uringlab.analysis.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fio's own error text, kept verbatim: users search the web for fio's exact words, so we
 * never paraphrase them. Shared by the JSON parser and the process runner.
 */
public final class FioErrors {

    // The job's "error" field is a bare errno; fio's own text for it is not in the JSON.
    private static final Map<Integer, String> ERRNO = Map.ofEntries(
            Map.entry(1, "Operation not permitted"), Map.entry(2, "No such file or directory"),
            Map.entry(5, "Input/output error"), Map.entry(6, "No such device or address"),
            Map.entry(9, "Bad file descriptor"), Map.entry(11, "Resource temporarily unavailable"),
            Map.entry(12, "Cannot allocate memory"), Map.entry(13, "Permission denied"),
            Map.entry(14, "Bad address"), Map.entry(16, "Device or resource busy"),
            Map.entry(19, "No such device"), Map.entry(21, "Is a directory"),
            Map.entry(22, "Invalid argument"), Map.entry(27, "File too large"),
            Map.entry(28, "No space left on device"), Map.entry(30, "Read-only file system"),
            Map.entry(38, "Function not implemented"), Map.entry(95, "Operation not supported"),
            Map.entry(110, "Connection timed out"));

    private FioErrors() {
    }

    /** The distinct "fio: ..." messages in {@code text}, in order of appearance, each one line. */
    public static List<String> messages(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        for (String line : text.split("\\R")) {
            // fio 3.33 sometimes writes one message twice with no newline in between
            // ("...buflen=1000fio: io_u error ..."), so a line is split at every "fio: ".
            for (String part : line.split("(?=fio: )")) {
                String message = part.strip();
                if (message.startsWith("fio:")) {
                    found.add(message);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** "22 (Invalid argument)"; just the number for errnos not in the small table. */
    public static String describeErrno(int errno) {
        String text = ERRNO.get(errno);
        return text == null ? Integer.toString(errno) : errno + " (" + text + ")";
    }
}
