package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the NDJSON that {@code bpftrace -f json} (0.17) writes to stdout.
 *
 * <p>Streams tokens instead of building a tree because bpftrace repeats keys inside one map:
 * {@code ksym()} keys are stored as addresses and symbolised at print time, so two return
 * addresses in one function print as the same key twice. Repeated keys are summed. If a map
 * is printed more than once (SIGUSR1, {@code print()}), the last print wins. Records that are
 * not maps ({@code attached_probes}, {@code printf}, ...) and blank lines (empty maps) are skipped.
 */
public final class BpftraceJsonParser {

    private static final Set<String> MAP_TYPES = Set.of("map", "hist", "stats");
    private static final JsonFactory JSON = new JsonFactory();

    private BpftraceJsonParser() {
    }

    public static BpftraceMaps parse(String ndjson) {
        Map<String, Map<String, Long>> maps = new LinkedHashMap<>();
        String[] lines = ndjson.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                parseRecord(line, maps);
            } catch (IOException | IllegalStateException e) {
                throw new BpftraceJsonException("bpftrace output line " + (i + 1) + ": not a bpftrace JSON record ("
                        + firstLine(e.getMessage()) + "): " + abbreviate(line));
            }
        }
        return new BpftraceMaps(maps);
    }

    private static void parseRecord(String line, Map<String, Map<String, Long>> maps) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("type".equals(field)) {
                    type = p.getValueAsString();
                } else if ("data".equals(field) && type != null && MAP_TYPES.contains(type)) {
                    readMaps(p, maps);
                } else {
                    p.skipChildren();
                }
            }
            if (type == null) {
                throw new IllegalStateException("no \"type\" before \"data\"");
            }
            if (p.nextToken() != null) {
                throw new IllegalStateException("trailing text after the record");
            }
        }
    }

    private static void readMaps(JsonParser p, Map<String, Map<String, Long>> maps) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String mapName = p.currentName();
            p.nextToken();
            Map<String, Long> values = new LinkedHashMap<>();
            readValue(p, "", values);
            maps.put(mapName, values);
        }
    }

    /** Flattens one map value: numbers, keyed objects, or histogram bucket arrays. */
    private static void readValue(JsonParser p, String keyPrefix, Map<String, Long> out) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            out.merge(keyPrefix, p.getValueAsLong(), Long::sum);
        } else if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                readValue(p, keyPrefix.isEmpty() ? key : keyPrefix + "," + key, out);
            }
        } else if (token == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readBucket(p, keyPrefix, out);
            }
        } else {
            throw new IllegalStateException("unexpected " + token + " in map data");
        }
    }

    private static void readBucket(JsonParser p, String keyPrefix, Map<String, Long> out) throws IOException {
        String min = "-inf";
        String max = "inf";
        long count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "min" -> min = p.getValueAsString();
                case "max" -> max = p.getValueAsString();
                case "count" -> count = p.getValueAsLong();
                default -> p.skipChildren();
            }
        }
        String bucket = "[" + min + ", " + max + "]";
        out.merge(keyPrefix.isEmpty() ? bucket : keyPrefix + "," + bucket, count, Long::sum);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but found " + actual);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
