package dev.uringlab.orchestrator.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a probe script: {@code // @key: value} header lines, then variants, each starting
 * with {@code // @variant: <name> requires=<a>[,<b>] meaning=<text>} and running until the next
 * {@code @variant} line. Everything else before the first variant must be a comment or blank.
 */
public final class ProbeHeaderParser {

    static final Set<String> REQUIRED_KEYS = Set.of("id", "counts", "thesis", "keys", "output", "usage", "sample");
    private static final Set<String> OPTIONAL_KEYS = Set.of("no_kprobe", "no_tracepoint", "prefer", "scope");
    private static final Set<String> OUTPUTS = Set.of("count", "per-cpu", "hist", "retval", "stack");
    private static final Set<String> VARIANT_NAMES = Set.of("kprobe", "tracepoint");
    private static final Pattern HEADER = Pattern.compile("^//\\s*@([a-z_]+):\\s*(.*)$");
    private static final Pattern VARIANT = Pattern.compile("^(\\S+)\\s+requires=(\\S+)\\s+meaning=(.+)$");
    private static final Pattern REQUIREMENT = Pattern.compile("^(kprobe|kretprobe):[A-Za-z0-9_.]+$|^tracepoint:[A-Za-z0-9_]+:[A-Za-z0-9_]+$");
    // bpftrace allows one BEGIN/END per program and the session adds its own BEGIN marker.
    private static final Pattern BEGIN_END = Pattern.compile("^\\s*(BEGIN|END)\\b", Pattern.MULTILINE);

    private ProbeHeaderParser() {
    }

    public static ProbeDefinition parse(String fileName, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<ProbeVariant> variants = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        VariantStart current = null;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].stripTrailing();
            Matcher h = HEADER.matcher(line);
            if (h.matches() && h.group(1).equals("variant")) {
                if (current != null) {
                    variants.add(current.finish(fileName, body.toString()));
                }
                current = parseVariantLine(fileName, lineNo, h.group(2).strip(), variants);
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            } else if (h.matches()) {
                String key = h.group(1);
                if (!REQUIRED_KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
                    throw new ProbeFormatException(fileName, lineNo, "unknown header key @" + key);
                }
                if (header.putIfAbsent(key, h.group(2).strip()) != null) {
                    throw new ProbeFormatException(fileName, lineNo, "duplicate header key @" + key);
                }
            } else if (!line.isBlank() && !line.strip().startsWith("//")) {
                throw new ProbeFormatException(fileName, lineNo, "bpftrace code before the first // @variant: line");
            }
        }
        if (current == null) {
            throw new ProbeFormatException(fileName, lines.length, "no // @variant: line");
        }
        variants.add(current.finish(fileName, body.toString()));
        return build(fileName, header, variants);
    }

    private static ProbeDefinition build(String fileName, Map<String, String> header, List<ProbeVariant> variants) {
        for (String key : List.of("id", "counts", "thesis", "keys", "output", "usage", "sample")) {
            if (header.getOrDefault(key, "").isEmpty()) {
                throw new ProbeFormatException(fileName, 1, "missing header line // @" + key + ": ...");
            }
        }
        String id = header.get("id");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new ProbeFormatException(fileName, 1, "@id must be lower_snake_case: " + id);
        }
        if (!fileName.equals(id + ".bt")) {
            throw new ProbeFormatException(fileName, 1, "@id " + id + " does not match the file name");
        }
        if (!OUTPUTS.contains(header.get("output"))) {
            throw new ProbeFormatException(fileName, 1, "@output must be one of " + OUTPUTS + ": " + header.get("output"));
        }
        for (ProbeVariant v : variants) {
            if (!v.body().contains("@" + id)) {
                throw new ProbeFormatException(fileName, 1, "variant " + v.name() + " writes no map named @" + id + " or @" + id + "_<suffix>");
            }
        }
        String prefer = header.getOrDefault("prefer", "kprobe");
        if (variants.stream().noneMatch(v -> v.name().equals(prefer)) && header.containsKey("prefer")) {
            throw new ProbeFormatException(fileName, 1, "@prefer names no variant of this probe: " + prefer);
        }
        String scope = header.getOrDefault("scope", ProbeDefinition.SYSTEM);
        if (!scope.equals(ProbeDefinition.SYSTEM) && !scope.equals(ProbeDefinition.TASK)) {
            throw new ProbeFormatException(fileName, 1, "@scope must be task or system: " + scope);
        }
        if (scope.equals(ProbeDefinition.TASK)) {
            for (ProbeVariant v : variants) {
                try {
                    BpftraceProgram.scoped(v.body(), "1");
                } catch (IllegalArgumentException e) {
                    throw new ProbeFormatException(fileName, 1, "@scope: task variant " + v.name() + ": " + e.getMessage());
                }
            }
        }
        return new ProbeDefinition(id, header.get("counts"), header.get("thesis"), header.get("keys"),
                header.get("output"), header.get("usage"), header.get("sample"), variants,
                header.getOrDefault("no_kprobe", ""), header.getOrDefault("no_tracepoint", ""), prefer, scope, fileName);
    }

    private static VariantStart parseVariantLine(String fileName, int lineNo, String spec, List<ProbeVariant> seen) {
        Matcher m = VARIANT.matcher(spec);
        if (!m.matches()) {
            throw new ProbeFormatException(fileName, lineNo,
                    "expected // @variant: <name> requires=<probe>[,<probe>] meaning=<text>");
        }
        String name = m.group(1);
        if (!VARIANT_NAMES.contains(name)) {
            throw new ProbeFormatException(fileName, lineNo, "unknown variant " + name + " (use kprobe or tracepoint)");
        }
        if (seen.stream().anyMatch(v -> v.name().equals(name))) {
            throw new ProbeFormatException(fileName, lineNo, "duplicate variant " + name);
        }
        List<String> requires = List.of(m.group(2).split(","));
        for (String req : requires) {
            if (!REQUIREMENT.matcher(req).matches()) {
                throw new ProbeFormatException(fileName, lineNo,
                        "bad requirement " + req + " (kprobe:<fn>, kretprobe:<fn> or tracepoint:<group>:<event>)");
            }
        }
        return new VariantStart(name, requires, m.group(3).strip(), lineNo);
    }

    private record VariantStart(String name, List<String> requires, String meaning, int lineNo) {
        ProbeVariant finish(String fileName, String body) {
            if (body.isBlank()) {
                throw new ProbeFormatException(fileName, lineNo, "variant " + name + " has no body");
            }
            if (BEGIN_END.matcher(body).find()) {
                throw new ProbeFormatException(fileName, lineNo,
                        "variant " + name + " uses BEGIN/END, which merged programs cannot share");
            }
            for (String req : requires) {
                if (!body.contains(req)) {
                    throw new ProbeFormatException(fileName, lineNo,
                            "variant " + name + " requires " + req + " but its body does not attach to it");
                }
            }
            return new ProbeVariant(name, requires, meaning, body.strip() + "\n");
        }
    }
}
