package dev.uringlab.orchestrator.config;

import java.util.List;

/** A {@code --set path=value} from the command line; the value is YAML ({@code 2}, {@code true}, {@code [1, 4]}). */
public record SetOverride(List<String> path, String valueText, String original) {

    public static SetOverride parse(String text) throws ConfigException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + text + ": expected key=value, e.g. --set workload.runtime=2");
        }
        String key = text.substring(0, eq).trim();
        List<String> path = List.of(key.split("\\."));
        if (path.stream().anyMatch(String::isBlank)) {
            throw new ConfigException("--set " + text + ": empty segment in key '" + key + "'");
        }
        return new SetOverride(path, text.substring(eq + 1), text);
    }

    public String key() {
        return String.join(".", path);
    }
}
