package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted path into JSON: {@code jobs.0.read.iops}; numbers index arrays. Keys that contain dots
 * (fio's {@code "99.000000"} percentiles) are written in brackets:
 * {@code jobs.0.read.clat_ns.percentile["99.000000"]}.
 */
public record ParseRuleJsonPath(String text, List<String> segments) {

    public ParseRuleJsonPath {
        segments = List.copyOf(segments);
    }

    public static ParseRuleJsonPath of(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                flush(text, segments, current, i);
                i++;
            } else if (c == '[') {
                if (current.length() > 0) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("json path '" + text + "': '[' without ']'");
                }
                String inner = text.substring(i + 1, close).strip();
                if (inner.length() >= 2 && (inner.startsWith("\"") && inner.endsWith("\"")
                        || inner.startsWith("'") && inner.endsWith("'"))) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                segments.add(inner);
                i = close + 1;
                if (i < text.length() && text.charAt(i) == '.') {
                    i++;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        if (current.length() > 0) {
            segments.add(current.toString());
        }
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("json path '" + text + "' has an empty segment (write a.b.0.c)");
        }
        return new ParseRuleJsonPath(text, segments);
    }

    private static void flush(String text, List<String> segments, StringBuilder current, int at) {
        if (current.length() == 0 && at > 0 && text.charAt(at - 1) == ']') {
            return;
        }
        segments.add(current.toString());
        current.setLength(0);
    }

    /** The node at this path, or a missing node. */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (String segment : segments) {
            if (node.isArray() && segment.matches("\\d+")) {
                node = node.path(Integer.parseInt(segment));
            } else {
                node = node.path(segment);
            }
            if (node.isMissingNode()) {
                return node;
            }
        }
        return node;
    }
}
