package dev.uringlab.orchestrator.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so every validation error can point at
 * {@code experiments.yaml:LINE:COL} — Jackson's tree model forgets positions.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Position position();

    String kind();

    record Position(String file, int line, int column) {
        @Override
        public String toString() {
            // Values from --set have no line: the option itself is the position.
            return line <= 0 ? file : file + ":" + line + ":" + column;
        }
    }

    record MapNode(Position position, LinkedHashMap<String, Entry> entries) implements Node {
        public String kind() {
            return "a mapping";
        }

        public Map<String, Entry> asMap() {
            return entries;
        }
    }

    /** A key with its own position (unknown-key errors point at the key, not the value). */
    record Entry(String key, Position keyPosition, Node value) {
    }

    record ListNode(Position position, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** {@code value} is null for YAML null, else String, Long, Double or Boolean. */
    record ScalarNode(Position position, Object value) implements Node {
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            if (value instanceof Long || value instanceof Double) {
                return "a number";
            }
            return "a string";
        }
    }
}
