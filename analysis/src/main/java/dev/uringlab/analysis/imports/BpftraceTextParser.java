package dev.uringlab.analysis.imports;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.analysis.parse.ParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the maps bpftrace (0.17) prints at exit in its default text format into the same
 * {@link BpftraceMaps} keys the JSON reader gives, so imported and native probe counts merge:
 * <ul>
 * <li>{@code @name: 3} → key "", {@code @name[1, RS]: 2} → key "1,RS";</li>
 * <li>multi-line keys ({@code @[kstack]}) → the frames joined by ";" (folded-stack style, one CSV cell);</li>
 * <li>hist/lhist bodies → "[min, max]" inclusive buckets, K/M/G… expanded as powers of 1024, open ends -inf/inf;</li>
 * <li>{@code count 2, average 15, total 30} (stats) → keys count, average, total.</li>
 * </ul>
 * Every other line (fio's output in the same file, printf, "Attaching N probes...") is skipped.
 */
public final class BpftraceTextParser {

    private static final Pattern ENTRY = Pattern.compile("^(@\\w*)(?:\\[(.*)\\])?:\\s?(.*)$");
    private static final Pattern MULTILINE_START = Pattern.compile("^(@\\w*)\\[$");
    private static final Pattern MULTILINE_END = Pattern.compile("^\\]:\\s*(.*)$");
    private static final Pattern STATS = Pattern.compile("^count (-?\\d+), average (-?\\d+), total (-?\\d+)$");
    private static final Pattern BUCKET = Pattern.compile(
            "^(?:\\(\\.\\.\\., ([^)]+)\\)|\\[([^,\\]]+)\\]|\\[([^,]+), ([^)]+)\\))\\s+(\\d+)\\s+\\|.*\\|\\s*$");
    private static final Pattern SIZE = Pattern.compile("^(-?\\d+)([KMGTPE]?)$");

    private BpftraceTextParser() {
    }

    public static BpftraceMaps parse(String text, String source) throws ParseException {
        Map<String, Map<String, Long>> maps = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher start = MULTILINE_START.matcher(line);
            if (start.matches()) {
                List<String> frames = new ArrayList<>();
                int j = i + 1;
                Matcher end = null;
                for (; j < lines.length; j++) {
                    end = MULTILINE_END.matcher(lines[j]);
                    if (end.matches()) {
                        break;
                    }
                    if (!lines[j].isBlank()) {
                        frames.add(lines[j].strip());
                    }
                }
                if (j == lines.length) {
                    throw ParseException.at(source, i + 1, "bpftrace map key opened with '[' is never closed with ']: value'");
                }
                put(maps, start.group(1), String.join(";", frames), end.group(1), source, j + 1);
                i = j;
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                continue;
            }
            String name = entry.group(1);
            String key = entry.group(2) == null ? "" : entry.group(2).replace(", ", ",");
            String value = entry.group(3).strip();
            if (!value.isEmpty()) {
                put(maps, name, key, value, source, i + 1);
                continue;
            }
            i = histogram(lines, i + 1, maps.computeIfAbsent(name, n -> new LinkedHashMap<>()), key, source) - 1;
        }
        return new BpftraceMaps(maps);
    }

    /** Reads bucket lines from {@code from} up to a blank line or the next map; returns the index after them. */
    private static int histogram(String[] lines, int from, Map<String, Long> out, String key, String source) throws ParseException {
        int i = from;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("@")) {
                break;
            }
            Matcher b = BUCKET.matcher(line);
            if (!b.matches()) {
                throw ParseException.at(source, i + 1, "expected a bpftrace histogram bucket like '[4K, 8K)   12 |@@  |', got: " + line.strip());
            }
            String min;
            String max;
            if (b.group(1) != null) {
                min = "-inf";
                max = Long.toString(size(b.group(1), source, i + 1) - 1);
            } else if (b.group(2) != null) {
                min = Long.toString(size(b.group(2), source, i + 1));
                max = min;
            } else {
                min = Long.toString(size(b.group(3), source, i + 1));
                max = b.group(4).equals("...") ? "inf" : Long.toString(size(b.group(4), source, i + 1) - 1);
            }
            String bucket = "[" + min + ", " + max + "]";
            out.merge(key.isEmpty() ? bucket : key + "," + bucket, Long.parseLong(b.group(5)), Long::sum);
        }
        return i;
    }

    private static void put(Map<String, Map<String, Long>> maps, String name, String key, String value, String source, int line)
            throws ParseException {
        Map<String, Long> map = maps.computeIfAbsent(name, n -> new LinkedHashMap<>());
        Matcher stats = STATS.matcher(value);
        if (stats.matches()) {
            String prefix = key.isEmpty() ? "" : key + ",";
            map.merge(prefix + "count", Long.parseLong(stats.group(1)), Long::sum);
            map.merge(prefix + "average", Long.parseLong(stats.group(2)), Long::sum);
            map.merge(prefix + "total", Long.parseLong(stats.group(3)), Long::sum);
            return;
        }
        try {
            // Repeated keys (ksym of two return addresses in one function) are summed, as the JSON reader does.
            map.merge(key, Long.parseLong(value), Long::sum);
        } catch (NumberFormatException e) {
            throw ParseException.at(source, line, "bpftrace map " + name + (key.isEmpty() ? "" : "[" + key + "]")
                    + " has a value that is not a number: '" + value + "'");
        }
    }

    /** "8K" → 8192: bpftrace labels histogram edges in powers of 1024. */
    private static long size(String text, String source, int line) throws ParseException {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw ParseException.at(source, line, "bpftrace histogram edge is not a number: '" + text + "'");
        }
        int power = m.group(2).isEmpty() ? 0 : "KMGTPE".indexOf(m.group(2)) + 1;
        return Long.parseLong(m.group(1)) << (10 * power);
    }
}
