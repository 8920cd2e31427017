package dev.uringlab.analysis.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a terminal capture holding many fio runs (a researcher's scrollback: prompts, the bpftrace
 * and perf commands, fio's report, the maps bpftrace prints at exit, perf's counter block) into
 * one piece per fio invocation, each with what was printed around it.
 *
 * <p>A new run starts where fio prints a job header ({@code name: (g=0): rw=...}) after the
 * current piece already holds a job result. The lines just before that header that are not part
 * of the previous run's tail (its indented report, its maps, its perf block) go to the new run:
 * that is the shell prompt with its command line, "Attaching N probes...", and tool warnings.
 * Each piece keeps the capture's line numbers (other lines blanked), so errors point into the file.
 */
public final class CaptureSplitter {

    // The parser's own patterns: a capture is cut exactly where FioTextParser sees a header after a job result.
    private static final Pattern HEADER = FioTextParser.HEADER;
    private static final Pattern JOB = FioTextParser.JOB;

    /** One fio run of a capture: its text (same line numbers as the capture) and its first line, 1-based. */
    public record Piece(String text, int firstLine, int lastLine, String commandLine) {
    }

    private CaptureSplitter() {
    }

    public static List<Piece> split(String capture) {
        String[] lines = capture.split("\\R", -1);
        List<Integer> starts = new ArrayList<>(List.of(0));
        boolean sawJob = false;
        int lastTail = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (HEADER.matcher(line).find() && sawJob) {
                starts.add(lastTail + 1);
                sawJob = false;
            }
            if (JOB.matcher(line).find()) {
                sawJob = true;
            }
            if (sawJob && isTail(line)) {
                lastTail = i;
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : lines.length;
            String[] kept = new String[lines.length];
            Arrays.fill(kept, "");
            System.arraycopy(lines, from, kept, from, to - from);
            pieces.add(new Piece(String.join("\n", kept), from + 1, to, commandLine(lines, from, to)));
        }
        return pieces;
    }

    /**
     * A line of a finished run's tail: fio's indented report and "Run status"/"Disk stats" blocks,
     * bpftrace's maps (@name..., multi-line keys' frames and "]: n", histogram buckets), perf's
     * indented counter block. A prompt, "Attaching N probes..." or "ERROR: ..." is not.
     */
    private static boolean isTail(String line) {
        if (line.isBlank()) {
            return false;
        }
        char c = line.charAt(0);
        return Character.isWhitespace(c) || c == '@' || c == '[' || c == '(' || line.startsWith("]:")
                || line.startsWith("Run status group") || line.startsWith("Disk stats");
    }

    /** The line that started the run (the one naming fio, e.g. "# bpftrace -e '...' -c \"taskset -c 1 fio ...\""), or "". */
    private static String commandLine(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (lines[i].matches(".*\\bfio\\b.*--.*") && !HEADER.matcher(lines[i]).find()) {
                return lines[i].strip();
            }
        }
        return "";
    }
}
