package dev.uringlab.analysis.imports;

import dev.uringlab.analysis.parse.ParseException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters an imported run cannot tell by itself (a ring flag, a kernel, which build), given by
 * its position in the capture: run 1 is the file's first fio run. Entries are either for one file
 * (by file name) or for every file (no file name). A position past the runs a file holds is an
 * error: the map was written for a different capture.
 */
public final class RunParams {

    private final String source;
    private final Map<String, Map<Integer, Map<String, Object>>> byFile;

    /** {@code byFile}: file name (or "" for every file) → run position (1-based) → parameters. */
    public RunParams(String source, Map<String, Map<Integer, Map<String, Object>>> byFile) {
        this.source = source;
        this.byFile = byFile;
    }

    public static RunParams none() {
        return new RunParams("", Map.of());
    }

    Map<String, Object> forRun(Path file, int position) {
        Map<String, Object> params = new LinkedHashMap<>(byFile.getOrDefault("", Map.of()).getOrDefault(position, Map.of()));
        params.putAll(byFile.getOrDefault(file.getFileName().toString(), Map.of()).getOrDefault(position, Map.of()));
        return params;
    }

    void checkRunCount(Path file, int runs) throws ParseException {
        for (String key : new String[] {"", file.getFileName().toString()}) {
            for (int position : byFile.getOrDefault(key, Map.of()).keySet()) {
                if (position < 1 || position > runs) {
                    throw ParseException.in(source, "run " + position + (key.isEmpty() ? "" : " of " + key)
                            + " is not in " + file + ", which holds " + runs + " fio run(s)");
                }
            }
        }
    }
}
