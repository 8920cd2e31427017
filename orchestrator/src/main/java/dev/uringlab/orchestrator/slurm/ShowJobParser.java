package dev.uringlab.orchestrator.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scontrol show job -o}: one line per job (or per array task, pending tasks of an array
 * collapsed into one line with a task range) of space-separated Key=Value fields. A value may
 * hold spaces (a command's path), so a field ends where the next " Key=" starts.
 */
public final class ShowJobParser {

    private static final Pattern KEY = Pattern.compile("(?:^| )([A-Za-z][A-Za-z0-9_/:]*)=");

    private ShowJobParser() {
    }

    public static List<SlurmJob> parse(String output) {
        List<SlurmJob> jobs = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                jobs.add(SlurmJob.of(fields(line.strip())));
            }
        }
        return jobs;
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = KEY.matcher(line);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                fields.put(key, line.substring(valueStart, m.start()).strip());
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            fields.put(key, line.substring(valueStart).strip());
        }
        return fields;
    }
}
