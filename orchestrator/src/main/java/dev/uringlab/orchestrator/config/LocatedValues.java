package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A free-form kind's options as plain values (LinkedHashMap, List, Long/Double/Boolean/String)
 * together with where each was written, so a kind that checks them value by value can still fail
 * with file:line:col. Paths are dotted keys below {@code workload:} ("parse.stream", "env.HOME").
 */
public final class LocatedValues {

    private final Map<String, Object> values;
    private final Map<String, Node.Position> positions;
    private final Node.Position whole;

    private LocatedValues(Map<String, Object> values, Map<String, Node.Position> positions, Node.Position whole) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.positions = Map.copyOf(positions);
        this.whole = whole;
    }

    /** The options of a {@code workload:} mapping ({@code kind:} left out), as plain values. */
    public static LocatedValues of(Node.MapNode workload) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Node.Entry entry : workload.entries().values()) {
            if (!entry.key().equals("kind")) {
                values.put(entry.key(), Nodes.plain(entry.value()));
            }
        }
        return of(values, workload);
    }

    /** {@code values} (checked and typed from {@code workload}) with the positions they were written at. */
    public static LocatedValues of(Map<String, Object> values, Node.MapNode workload) {
        Map<String, Node.Position> positions = new HashMap<>();
        for (Node.Entry entry : workload.entries().values()) {
            locate(entry.key(), entry, positions);
        }
        return new LocatedValues(values, positions, workload.position());
    }

    /** Values written nowhere (tests, tools): errors carry no position. */
    public static LocatedValues unlocated(Map<String, Object> values) {
        return new LocatedValues(values, Map.of(), null);
    }

    private static void locate(String path, Node.Entry entry, Map<String, Node.Position> positions) {
        positions.put(path, entry.keyPosition());
        if (entry.value() instanceof Node.MapNode m) {
            m.entries().values().forEach(e -> locate(path + "." + e.key(), e, positions));
        }
    }

    public Map<String, Object> values() {
        return values;
    }

    /**
     * The typed options {@code check} builds from these values; its IllegalArgumentException (one line
     * naming the field) becomes a ConfigException placed where that field was written.
     */
    public <T> T check(Function<Map<String, Object>, T> check) throws ConfigException {
        try {
            return check.apply(values);
        } catch (IllegalArgumentException e) {
            throw error(e);
        }
    }

    /** The same options with {@code overrides} (a run's swept values) written at {@code where}. */
    public LocatedValues with(Map<String, Object> overrides, Map<String, Node.Position> where) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        Map<String, Node.Position> positions = new HashMap<>(this.positions);
        overrides.keySet().forEach(k -> {
            positions.keySet().removeIf(p -> p.equals(k) || p.startsWith(k + "."));
            if (where.get(k) != null) {
                positions.put(k, where.get(k));
            }
        });
        return new LocatedValues(merged, positions, whole);
    }

    /** An error about {@code path}, placed where it (or the nearest enclosing key) was written. */
    public ConfigException error(String path, String message) {
        String p = path;
        while (p != null) {
            Node.Position at = positions.get(p);
            if (at != null) {
                return new ConfigException(at, message);
            }
            p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : null;
        }
        return whole == null ? new ConfigException(message) : new ConfigException(whole, message);
    }

    /**
     * A kind's one-line refusal placed where its field was written: the field is the one the
     * message starts with ("workload.parse.stream: ..."), the convention of every such message.
     */
    public ConfigException error(IllegalArgumentException refusal) {
        String message = refusal.getMessage();
        if (refusal instanceof OptionRefusal named) {
            return error(named.path(), message);
        }
        Matcher field = FIELD.matcher(message);
        return error(field.lookingAt() ? field.group(1) : "", message);
    }

    private static final Pattern FIELD = Pattern.compile("workload\\.([A-Za-z0-9_.]+):");
}
