package dev.uringlab.orchestrator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML into {@link Node}s with positions, refusing duplicate keys (YAML allows them silently).
 * Anchors, aliases and merge keys ({@code <<: *base}) are resolved here, since the parser only
 * reports them: keys written in the mapping win over merged ones, as YAML 1.1 specifies.
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String fileName;
    private final java.util.Map<String, Node> anchors = new java.util.HashMap<>();

    public YamlTreeReader(String fileName) {
        this.fileName = fileName;
    }

    public Node read(String text) throws ConfigException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(new Node.Position(fileName, 1, 1), "the file is empty");
            }
            return readValue(parser);
        } catch (StreamReadException e) {
            YamlText.checkIndentation(fileName, text); // a tab is reported at the next token, far from it
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new ConfigException(position(at), "malformed YAML: " + reason);
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot read: " + e.getMessage());
        }
    }

    private Node readValue(JsonParser parser) throws IOException, ConfigException {
        Node.Position at = position(parser.currentTokenLocation());
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
            Node target = anchors.get(parser.getText());
            if (target == null) {
                throw new ConfigException(at, "alias *" + parser.getText() + " names no anchor defined before it (&"
                        + parser.getText() + ")");
            }
            return target;
        }
        String anchor = parser.getObjectId() instanceof String id ? id : null;
        Node node = readPlain(parser, at);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Node readPlain(JsonParser parser, Node.Position at) throws IOException, ConfigException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
                List<Node.Entry> merged = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Node.Position keyAt = position(parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = readValue(parser);
                    if (key.equals("<<")) {
                        merged.addAll(mergeSource(value, keyAt));
                        continue;
                    }
                    if (entries.containsKey(key)) {
                        throw new ConfigException(keyAt, "duplicate key '" + key + "' (first at line "
                                + entries.get(key).keyPosition().line() + ")");
                    }
                    entries.put(key, new Node.Entry(key, keyAt, value));
                }
                merged.forEach(e -> entries.putIfAbsent(e.key(), e));
                return new Node.MapNode(at, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new Node.ListNode(at, items);
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(at, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Node.ScalarNode(at, parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.ScalarNode(at, parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(at, parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(at, null);
            }
            default -> throw new ConfigException(at, "unsupported YAML construct " + token);
        }
    }

    /** The entries a merge key brings in: one mapping, or a list of them (earlier ones win). */
    private static List<Node.Entry> mergeSource(Node value, Node.Position keyAt) throws ConfigException {
        List<Node.Entry> out = new ArrayList<>();
        List<Node> sources = value instanceof Node.ListNode list ? list.items() : List.of(value);
        for (Node source : sources) {
            if (!(source instanceof Node.MapNode map)) {
                throw new ConfigException(keyAt, "merge key '<<' takes a mapping (<<: *name, with &name on a mapping)"
                        + " or a list of them, not " + source.kind());
            }
            out.addAll(map.entries().values());
        }
        return out;
    }

    private Node.Position position(JsonLocation location) {
        if (location == null) {
            return new Node.Position(fileName, 0, 0);
        }
        return new Node.Position(fileName, location.getLineNr(), location.getColumnNr());
    }
}
