package dev.uringlab.orchestrator.config;

import java.util.List;

/** The type of one workload option or sweep value; {@link #check} turns a YAML scalar into its value or an error. */
public sealed interface OptionType {

    Object check(Node node, String field) throws ConfigException;

    String describe();

    OptionType POSITIVE_INT = new IntRange(1, Long.MAX_VALUE);
    OptionType NON_NEGATIVE_INT = new IntRange(0, Long.MAX_VALUE);
    OptionType PERCENT = new IntRange(0, 100);
    OptionType BOOL = new Bool();
    OptionType SIZE = new Size();
    OptionType TEXT = new Text();
    OptionType SCALAR = new Scalar();

    static OptionType oneOf(String... values) {
        return new OneOf(List.of(values));
    }

    private static Object scalar(Node node, String field, String expected) throws ConfigException {
        if (!(node instanceof Node.ScalarNode s) || s.value() == null) {
            throw new ConfigException(node.position(), field + ": expected " + expected + ", got " + node.kind());
        }
        return s.value();
    }

    record IntRange(long min, long max) implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            Object v = scalar(node, field, describe());
            if (!(v instanceof Long n)) {
                throw new ConfigException(node.position(), field + ": expected " + describe() + ", got " + node.kind()
                        + " '" + v + "'");
            }
            if (n < min || n > max) {
                throw new ConfigException(node.position(), field + ": " + n + " is out of range, expected " + describe());
            }
            return n;
        }

        public String describe() {
            if (max == Long.MAX_VALUE) {
                return min == 1 ? "a positive integer" : "an integer >= " + min;
            }
            return "an integer in " + min + ".." + max;
        }
    }

    record Bool() implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            Object v = scalar(node, field, describe());
            if (!(v instanceof Boolean)) {
                throw new ConfigException(node.position(), field + ": expected true or false, got " + node.kind()
                        + " '" + v + "'");
            }
            return v;
        }

        public String describe() {
            return "true or false";
        }
    }

    record Size() implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            Object v = scalar(node, field, describe());
            String text = String.valueOf(v);
            if (v instanceof Boolean || Sizes.parse(text) <= 0) {
                throw new ConfigException(node.position(), field + ": '" + text + "' is not a size, expected "
                        + describe());
            }
            return text;
        }

        public String describe() {
            return "a size such as 4k, 512m or 4096";
        }
    }

    record Text() implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            Object v = scalar(node, field, describe());
            return String.valueOf(v);
        }

        public String describe() {
            return "a string";
        }
    }

    /** Any YAML scalar, kept with its type. */
    record Scalar() implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            return scalar(node, field, describe());
        }

        public String describe() {
            return "a scalar (number, string or boolean)";
        }
    }

    record OneOf(List<String> values) implements OptionType {
        public Object check(Node node, String field) throws ConfigException {
            Object v = scalar(node, field, describe());
            String text = String.valueOf(v);
            if (!values.contains(text)) {
                throw new ConfigException(node.position(), field + ": '" + text + "' is not one of "
                        + String.join(", ", values) + Suggestions.hint(text, values));
            }
            return text;
        }

        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }
}
