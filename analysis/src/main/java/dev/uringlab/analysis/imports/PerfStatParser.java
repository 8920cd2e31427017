package dev.uringlab.analysis.imports;

import dev.uringlab.analysis.parse.ParseException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code perf stat}'s counter block ("Performance counter stats for 'system wide':" up to
 * "seconds time elapsed") into metrics named {@code perf_<event>}: {@code 74,372,241 cs} becomes
 * perf_cs = 74372241, {@code 6097.77 msec task-clock} perf_task_clock_ms, the elapsed/user/sys
 * seconds perf_elapsed_s, perf_user_s, perf_sys_s. Counters perf could not read
 * ({@code <not supported>}, {@code <not counted>}) are left out rather than read as zero.
 */
public final class PerfStatParser {

    private static final Pattern START = Pattern.compile("^\\s*Performance counter stats for ");
    private static final Pattern COUNTER = Pattern.compile("^\\s*([\\d,]+(?:\\.\\d+)?|<not supported>|<not counted>)\\s+(msec\\s+)?([A-Za-z][\\w.:/\\-]*)");
    private static final Pattern SECONDS = Pattern.compile("^\\s*([\\d.]+) seconds (time elapsed|user|sys)\\s*$");

    private PerfStatParser() {
    }

    public static Map<String, Double> parse(String text, String source) throws ParseException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean inBlock = false;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (START.matcher(line).find()) {
                if (inBlock) {
                    throw ParseException.at(source, i + 1, "a second perf stat block in one run (one perf stat per fio run)");
                }
                inBlock = true;
                continue;
            }
            if (!inBlock || line.isBlank()) {
                continue;
            }
            Matcher m = SECONDS.matcher(line);
            if (m.find()) {
                String which = switch (m.group(2)) {
                    case "time elapsed" -> "elapsed";
                    default -> m.group(2);
                };
                metrics.put("perf_" + which + "_s", Double.parseDouble(m.group(1)));
                continue;
            }
            m = COUNTER.matcher(line);
            if (m.find()) {
                if (!m.group(1).startsWith("<")) {
                    String name = "perf_" + m.group(3).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                            + (m.group(2) != null ? "_ms" : "");
                    metrics.put(name, Double.parseDouble(m.group(1).replace(",", "")));
                }
            } else if (!line.startsWith(" ") && !line.startsWith("\t")) {
                inBlock = false; // perf's block is indented; anything else means it ended without an elapsed line
            }
        }
        return metrics;
    }
}
