package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a program's output becomes metrics: a regex whose named groups are metric names, or one
 * JSON path per metric. Values are converted from the unit the tool prints (declared per metric
 * in {@code units}) into the unit the metric name carries; without a declaration the number is
 * taken as already in that unit. Lives in analysis so a kept output can be re-parsed anywhere.
 */
public sealed interface ParseRule permits ParseRule.Regex, ParseRule.Json {

    /** Which of several regex matches counts: per-line tools print many (e.g. one per thread). */
    enum Match { LAST, FIRST, SUM, MEAN }

    /** The metric names this rule yields, in order. */
    List<String> metrics();

    /**
     * The metrics found in {@code text}, which came from {@code stream} ("stdout") and is kept in
     * {@code file}; every metric of the rule or a one-line ParseException naming the rule and file.
     */
    Map<String, Double> apply(String text, String stream, String file) throws ParseException;

    static Regex regex(String regex, Map<String, String> units, Match match) {
        return Regex.compile(regex, units, match);
    }

    static Json json(Map<String, String> paths, Map<String, String> units) {
        Map<String, ParseRuleJsonPath> parsed = new LinkedHashMap<>();
        paths.forEach((metric, path) -> parsed.put(checkName(metric), ParseRuleJsonPath.of(path)));
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("json: name at least one metric, e.g. {iops: jobs.0.read.iops}");
        }
        return new Json(parsed, unitFactors(units, parsed.keySet()));
    }

    private static String checkName(String metric) {
        if (!metric.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("metric name '" + metric
                    + "' must be letters, digits and '_' (it becomes a runs.csv column)");
        }
        return metric;
    }

    private static Map<String, Double> unitFactors(Map<String, String> units, java.util.Set<String> metrics) {
        Map<String, Double> factors = new LinkedHashMap<>();
        for (String metric : metrics) {
            factors.put(metric, 1.0);
        }
        units.forEach((metric, unit) -> {
            if (!metrics.contains(metric)) {
                throw new IllegalArgumentException("units: '" + metric + "' is not a metric of the parse rule (its metrics: "
                        + String.join(", ", metrics) + ")");
            }
            factors.put(metric, ParseRuleUnits.factor(metric, unit));
        });
        return factors;
    }

    private static double number(String metric, String what, String captured, String stream, String file)
            throws ParseException {
        try {
            return ParseRuleUnits.number(captured);
        } catch (NumberFormatException e) {
            throw new ParseException("metric '" + metric + "' " + what + " found '" + ParseException.oneLine(captured)
                    + "' in " + stream + ", not a number (see " + file + ")");
        }
    }

    /**
     * A regex applied in MULTILINE mode. Metric names may contain '_' ({@code (?<lat_p99_us>...)}),
     * which Java's group names cannot, so groups are renamed internally; Python's {@code (?P<name>)}
     * is accepted too because rules are often copied from Python scripts.
     */
    record Regex(String text, Pattern pattern, Map<String, String> groups, Map<String, Double> factors, Match match)
            implements ParseRule {

        static Regex compile(String regex, Map<String, String> units, Match match) {
            Map<String, String> groups = new LinkedHashMap<>();
            String translated = translate(regex, groups);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("regex '" + regex
                        + "' has no named group: name each metric, e.g. IOPS=(?<iops>[0-9.]+)");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(translated, Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex '" + regex + "': " + e.getDescription());
            }
            return new Regex(regex, pattern, Map.copyOf(groups), unitFactors(units, groups.keySet()), match);
        }

        /** Renames (?<name> / (?P<name> / \k<name> to g0, g1, ... outside character classes. */
        private static String translate(String regex, Map<String, String> groups) {
            StringBuilder out = new StringBuilder();
            Pattern open = Pattern.compile("\\(\\?P?<([A-Za-z][A-Za-z0-9_]*)>");
            Pattern backref = Pattern.compile("\\\\k<([A-Za-z][A-Za-z0-9_]*)>");
            boolean inClass = false;
            int i = 0;
            while (i < regex.length()) {
                char c = regex.charAt(i);
                Matcher ref = backref.matcher(regex).region(i, regex.length());
                if (!inClass && ref.lookingAt()) {
                    String g = groups.get(ref.group(1));
                    if (g == null) {
                        throw new IllegalArgumentException("regex '" + regex + "': \\k<" + ref.group(1)
                                + "> refers to no earlier group");
                    }
                    out.append("\\k<").append(g).append('>');
                    i = ref.end();
                } else if (c == '\\' && i + 1 < regex.length()) {
                    out.append(c).append(regex.charAt(i + 1));
                    i += 2;
                } else if (inClass) {
                    inClass = c != ']';
                    out.append(c);
                    i++;
                } else if (c == '[') {
                    inClass = true;
                    out.append(c);
                    // a ']' right after '[' or '[^' is a literal, not the end of the class
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        out.append(']');
                        i++;
                    }
                    i++;
                } else {
                    Matcher m = open.matcher(regex).region(i, regex.length());
                    if (m.lookingAt()) {
                        String name = checkName(m.group(1));
                        if (groups.containsKey(name)) {
                            throw new IllegalArgumentException("regex '" + regex + "': group '" + name + "' named twice");
                        }
                        String g = "g" + groups.size();
                        groups.put(name, g);
                        out.append("(?<").append(g).append('>');
                        i = m.end();
                    } else {
                        out.append(c);
                        i++;
                    }
                }
            }
            return out.toString();
        }

        @Override
        public List<String> metrics() {
            return List.copyOf(factors.keySet());
        }

        @Override
        public Map<String, Double> apply(String text, String stream, String file) throws ParseException {
            Map<String, List<Double>> found = new LinkedHashMap<>();
            for (String metric : factors.keySet()) {
                found.put(metric, new ArrayList<>());
            }
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                for (String metric : factors.keySet()) {
                    String captured = m.group(groups.get(metric));
                    if (captured != null) {
                        found.get(metric).add(number(metric, "regex '" + this.text + "'", captured, stream, file));
                    }
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> e : found.entrySet()) {
                List<Double> values = e.getValue();
                if (values.isEmpty()) {
                    throw new ParseException("metric '" + e.getKey() + "' regex '" + ParseException.oneLine(this.text)
                            + "' matched nothing in " + stream + " (see " + file + ")");
                }
                double v = switch (match) {
                    case FIRST -> values.get(0);
                    case LAST -> values.get(values.size() - 1);
                    case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
                    case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                };
                out.put(e.getKey(), v * factors.get(e.getKey()));
            }
            return out;
        }
    }

    /** One dotted JSON path per metric over the whole stream (text before the first '{' or '[' is skipped). */
    record Json(Map<String, ParseRuleJsonPath> paths, Map<String, Double> factors) implements ParseRule {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public List<String> metrics() {
            return List.copyOf(paths.keySet());
        }

        @Override
        public Map<String, Double> apply(String text, String stream, String file) throws ParseException {
            int start = firstOf(text, '{', '[');
            JsonNode root;
            try {
                root = start < 0 ? null : MAPPER.readTree(text.substring(start));
            } catch (JsonProcessingException e) {
                throw new ParseException(stream + " is not JSON: " + ParseException.oneLine(e.getOriginalMessage())
                        + " (see " + file + ")");
            }
            if (root == null) {
                throw new ParseException(stream + " holds no JSON object (see " + file + ")");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, ParseRuleJsonPath> e : paths.entrySet()) {
                JsonNode node = e.getValue().find(root);
                String what = "json path '" + e.getValue().text() + "'";
                double v;
                if (node.isMissingNode() || node.isNull()) {
                    throw new ParseException("metric '" + e.getKey() + "' " + what + " not found in " + stream
                            + " (see " + file + ")");
                } else if (node.isNumber()) {
                    v = node.asDouble();
                } else if (node.isTextual()) {
                    v = number(e.getKey(), what, node.asText(), stream, file);
                } else {
                    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
                    throw new ParseException("metric '" + e.getKey() + "' " + what + " is " + (type.matches("[aeiou].*")
                            ? "an " : "a ") + type + " in " + stream + ", not a number (see " + file + ")");
                }
                out.put(e.getKey(), v * factors.get(e.getKey()));
            }
            return out;
        }

        private static int firstOf(String text, char a, char b) {
            int i = text.indexOf(a);
            int j = text.indexOf(b);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }
    }
}
