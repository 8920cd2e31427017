package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.analysis.parse.ParseRule;
import dev.uringlab.orchestrator.config.OptionRefusal;
import dev.uringlab.orchestrator.config.WorkloadOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of a {@code kind: command} workload, validated. Strings may hold {@link CommandTemplate}
 * placeholders, resolved per run (and per invocation). Every other scalar option, and every entry of
 * {@code params:}, is a template parameter, which is how a sweep reaches the command line.
 *
 * @param parse      null: timing only (wall time per invocation)
 * @param stream     "stdout" or "stderr": what the parse rule reads
 * @param parseFile  a templated path the rule reads instead of a stream (e.g. "{run_dir}/out.json"), or null
 */
public record CommandSpec(String program, List<String> args, Map<String, String> env, String workdir,
                          ParseRule parse, String stream, String parseFile, int invocations, BeforeEach beforeEach,
                          long timeoutSeconds, boolean pin, Map<String, String> params) implements WorkloadOptions {

    public enum BeforeEach { NONE, DROP_CACHES }

    /** Keys with a meaning of their own; the rest are template parameters. */
    public static final Set<String> KEYS = Set.of("program", "args", "env", "workdir", "parse", "invocations",
            "before_each", "timeout", "pin", "params");
    public static final Set<String> PARSE_KEYS = Set.of("regex", "json", "units", "match", "stream", "file");
    /** Always available in templates. */
    public static final List<String> BUILT_INS = List.of("target", "cpus", "cpu_set", "run_dir", "run_id", "experiment",
            "repetition", "invocation", "invocations", "ringbench_dir");

    public CommandSpec {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Validates {@code options} (plain values); throws IllegalArgumentException with one line naming the field. */
    public static CommandSpec from(Map<String, Object> options) {
        Object programValue = options.get("program");
        if (!(programValue instanceof String program) || program.isBlank()) {
            throw new IllegalArgumentException("workload.program: missing (the program to run, e.g. /usr/bin/dd)");
        }
        List<String> args = args(options.get("args"));
        Map<String, String> env = stringMap(options.get("env"), "workload.env");
        for (String name : env.keySet()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new OptionRefusal("env." + name, "workload.env: '" + name + "' is not a variable name");
            }
        }
        String workdir = optionalString(options.get("workdir"), "workload.workdir");
        int invocations = Math.toIntExact(positive(options.getOrDefault("invocations", 1L), "workload.invocations"));
        long timeout = positive(options.getOrDefault("timeout", 600L), "workload.timeout");
        BeforeEach before = beforeEach(options.getOrDefault("before_each", "none"));
        Object pinValue = options.getOrDefault("pin", true);
        if (!(pinValue instanceof Boolean pin)) {
            throw new IllegalArgumentException("workload.pin: '" + pinValue + "' is not true or false");
        }
        // params: holds defaults; a top-level scalar of the same name (how a sweep passes its value) wins.
        Map<String, String> params = stringMap(options.get("params"), "workload.params");
        options.forEach((k, v) -> {
            if (!KEYS.contains(k) && !k.equals("kind") && scalar(v)) {
                params.put(k, String.valueOf(v));
            }
        });

        ParseRule rule = null;
        String stream = "stdout";
        String parseFile = null;
        if (options.get("parse") != null) {
            Map<String, Object> parse = map(options.get("parse"), "workload.parse");
            for (String key : parse.keySet()) {
                if (!PARSE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("workload.parse: unknown key '" + key + "' (known: "
                            + String.join(", ", new TreeSet<>(PARSE_KEYS)) + ")");
                }
            }
            stream = String.valueOf(parse.getOrDefault("stream", "stdout"));
            if (!stream.equals("stdout") && !stream.equals("stderr")) {
                throw new IllegalArgumentException("workload.parse.stream: '" + stream + "' is not stdout or stderr");
            }
            parseFile = optionalString(parse.get("file"), "workload.parse.file");
            rule = rule(parse);
        }
        CommandSpec spec = new CommandSpec(program, args, env, workdir, rule, stream, parseFile, invocations, before,
                timeout, pin, params);
        spec.checkPlaceholders();
        return spec;
    }

    private static ParseRule rule(Map<String, Object> parse) {
        Map<String, String> units = stringMap(parse.get("units"), "workload.parse.units");
        boolean regex = parse.get("regex") != null;
        boolean json = parse.get("json") != null;
        if (regex == json) {
            throw new IllegalArgumentException("workload.parse: give exactly one of 'regex:' or 'json:' (or no parse: for timing only)");
        }
        try {
            if (regex) {
                if (!(parse.get("regex") instanceof String text)) {
                    throw new IllegalArgumentException("'regex:' must be a string");
                }
                String match = String.valueOf(parse.getOrDefault("match", "last"));
                ParseRule.Match m;
                try {
                    m = ParseRule.Match.valueOf(match.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("match: '" + match + "' is not one of last, first, sum, mean");
                }
                return ParseRule.regex(text, units, m);
            }
            if (parse.get("match") != null) {
                throw new IllegalArgumentException("'match:' applies to a regex only");
            }
            return ParseRule.json(stringMap(parse.get("json"), "json"), units);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workload.parse: " + e.getMessage());
        }
    }

    /** Every placeholder must name a parameter, so a typo fails at load time, not after an hour of sweep. */
    private void checkPlaceholders() {
        Set<String> known = new LinkedHashSet<>(BUILT_INS);
        known.addAll(params.keySet());
        List<String> templates = new ArrayList<>();
        templates.add(program);
        templates.addAll(args);
        templates.addAll(env.values());
        if (workdir != null) {
            templates.add(workdir);
        }
        if (parseFile != null) {
            templates.add(parseFile);
        }
        for (String template : templates) {
            for (String name : CommandTemplate.names(template)) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("workload: '{" + name + "}' in '" + template
                            + "' is no parameter (known: " + String.join(", ", known) + "; write {{" + name
                            + "}} for the literal text)");
                }
            }
        }
    }

    private static List<String> args(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            // A plain string is split on whitespace, without shell quoting: use a list for arguments with spaces.
            return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (!scalar(item)) {
                    throw new IllegalArgumentException("workload.args: every argument must be a scalar, got " + item);
                }
                out.add(String.valueOf(item));
            }
            return out;
        }
        throw new IllegalArgumentException("workload.args: must be a list of arguments, got " + value);
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Boolean
                || v instanceof Double;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException(field + ": key " + k + " is not a string");
                }
            }
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(field + ": must be a map, got " + value);
    }

    private static Map<String, String> stringMap(Object value, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : map(value, field).entrySet()) {
            if (!scalar(e.getValue())) {
                throw new IllegalArgumentException(field + "." + e.getKey() + ": must be a scalar, got " + e.getValue());
            }
            out.put(e.getKey(), String.valueOf(e.getValue()));
        }
        return out;
    }

    private static String optionalString(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(field + ": must be a non-empty string, got " + value);
        }
        return s;
    }

    private static long positive(Object value, String field) {
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < 1) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a positive integer");
        }
        return ((Number) value).longValue();
    }

    private static BeforeEach beforeEach(Object value) {
        return switch (String.valueOf(value)) {
            case "none" -> BeforeEach.NONE;
            case "drop_caches" -> BeforeEach.DROP_CACHES;
            default -> throw new IllegalArgumentException("workload.before_each: '" + value
                    + "' is not none or drop_caches");
        };
    }
}
