package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload started before the measured one and stopped right after it: interference for the
 * contention studies (a fio writer on the same file, spinning processes on chosen CPUs, any command).
 *
 * @param kind    fio | spin | command
 * @param count   how many copies (spin: one busy loop each)
 * @param options fio options (typed as in the fio schema), empty for the other kinds
 * @param command program and arguments for kind command
 */
public record BackgroundSpec(String kind, String cpus, int count, Map<String, Object> options, List<String> command) {

    public BackgroundSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        command = List.copyOf(command);
    }

    public String describe() {
        return switch (kind) {
            case "spin" -> count + " spinning process(es)";
            case "command" -> String.join(" ", command) + (count > 1 ? " x" + count : "");
            default -> "fio " + options.getOrDefault("rw", "") + " bs=" + options.getOrDefault("bs", "")
                    + " iodepth=" + options.getOrDefault("iodepth", "") + (count > 1 ? " x" + count : "");
        };
    }
}
