package dev.uringlab.orchestrator.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The lines a serial port's log file gained since the last read, and the last few it held. */
final class FileLines implements Closeable {

    private static final int TAIL_LINES = 25;

    private final RandomAccessFile in;
    private final byte[] buf = new byte[65536];
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();

    FileLines(Path file) throws IOException {
        this.in = new RandomAccessFile(file.toFile(), "r");
    }

    /** Complete lines written since the last call; {@code flush} also returns an unterminated last line. */
    List<String> read(boolean flush) throws IOException {
        List<String> lines = new ArrayList<>();
        int n;
        while ((n = in.read(buf)) > 0) {
            // The serial line sends \r\n; a lone \r would garble the output.
            partial.append(new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r", ""));
        }
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            lines.add(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
        if (flush && !partial.isEmpty()) {
            lines.add(partial.toString());
            partial.setLength(0);
        }
        return lines;
    }

    /** Keeps {@code line} among the last lines shown in an error (blank lines are not). */
    void remember(String line) {
        if (line.isBlank()) {
            return;
        }
        tail.addLast(line.strip());
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    /** The last {@code n} remembered lines, joined into one line. */
    String tail(int n) {
        if (tail.isEmpty()) {
            return "(nothing)";
        }
        List<String> all = new ArrayList<>(tail);
        return String.join(" | ", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
