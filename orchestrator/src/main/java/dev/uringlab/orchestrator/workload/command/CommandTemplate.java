package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.orchestrator.config.Sizes;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-run templating of a command's program, args, env and paths: {@code {name}} is the run's value
 * of workload option {@code name} (or a built-in: target, cpus, run_dir, ...), {@code {name:bytes}}
 * the same size in bytes ("4k" → 4096), {@code {{name}}} a literal "{name}". Other braces
 * ({@code awk '{print $1}'}, {@code find -exec {} \;}, a shell's {@code ${HOME}}) are left alone, so shell snippets need no escaping.
 */
public final class CommandTemplate {

    private static final Pattern TOKEN = Pattern.compile(
            "\\{\\{([A-Za-z_][A-Za-z0-9_]*)}}|(?<!\\$)\\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?}");
    private static final Set<String> FILTERS = Set.of("bytes");

    private CommandTemplate() {
    }

    /** The parameter names a template uses; an unknown filter ({@code {x:foo}}) is refused here. */
    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(template);
        while (m.find()) {
            if (m.group(2) != null) {
                if (m.group(3) != null && !FILTERS.contains(m.group(3))) {
                    throw new IllegalArgumentException("'{" + m.group(2) + ":" + m.group(3) + "}' in '" + template
                            + "': unknown filter '" + m.group(3) + "' (known: bytes)");
                }
                names.add(m.group(2));
            }
        }
        return names;
    }

    public static String render(String template, Map<String, String> values) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "{" + m.group(1) + "}";
            } else {
                String value = values.get(m.group(2));
                if (value == null) {
                    throw new IllegalArgumentException("'{" + m.group(2) + "}' in '" + template
                            + "' is no parameter of this run (write {{" + m.group(2) + "}} for the literal text)");
                }
                if ("bytes".equals(m.group(3))) {
                    long bytes = Sizes.parse(value);
                    if (bytes < 0) {
                        throw new IllegalArgumentException("'{" + m.group(2) + ":bytes}': '" + value + "' is not a size");
                    }
                    value = Long.toString(bytes);
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
