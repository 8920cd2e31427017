package dev.uringlab.analysis.parse;

/**
 * A tool's output could not be read. The message is one line that names the source file (and
 * the line, where one applies) so a user can open the raw output that was kept in the run directory.
 */
public class ParseException extends Exception {

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "source: what" — for problems that belong to the whole file. */
    public static ParseException in(String source, String what) {
        return new ParseException(source + ": " + oneLine(what));
    }

    /** "source:line: what" — line is 1-based; 0 or less means unknown and is left out. */
    public static ParseException at(String source, int line, String what) {
        return line > 0 ? new ParseException(source + ":" + line + ": " + oneLine(what)) : in(source, what);
    }

    /** Tool and library messages can span lines; user-facing errors must not. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " | ");
    }
}
