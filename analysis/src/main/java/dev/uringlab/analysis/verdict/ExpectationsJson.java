package dev.uringlab.analysis.verdict;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** expectations.json: the claims a run was made to check, stored next to its runs so a report can judge them later. */
public final class ExpectationsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExpectationsJson() {
    }

    public static String write(List<Expectation> expectations) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Expectation e : expectations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", e.experiment());
            m.put("claim", e.claim());
            m.put("source", e.source());
            m.put("where", new TreeMap<>(e.where()));
            if (e.compares()) {
                m.put("axis", e.axis());
                m.put("baseline", e.baseline());
                m.put("treatment", e.treatment());
            }
            if (e.ranks()) {
                m.put("ranked", e.ranked().stream().map(TreeMap::new).toList());
            }
            if (e.fits()) {
                m.put("over", e.over());
            }
            m.put("metric", e.metric());
            m.put("effect", e.effect().text());
            out.add(m);
        }
        return MAPPER.writeValueAsString(out) + "\n";
    }

    public static List<Expectation> read(Path file) throws IOException {
        List<Map<String, Object>> raw = MAPPER.readValue(file.toFile(), new TypeReference<>() { });
        List<Expectation> out = new ArrayList<>();
        for (Map<String, Object> m : raw) {
            @SuppressWarnings("unchecked")
            Map<String, String> where = (Map<String, String>) m.getOrDefault("where", Map.of());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> ranked = (List<Map<String, String>>) m.getOrDefault("ranked", List.of());
            try {
                out.add(new Expectation(str(m, "experiment"), str(m, "claim"), str(m, "source"), where,
                        (String) m.get("axis"), (String) m.get("baseline"), (String) m.get("treatment"),
                        str(m, "metric"), Effect.parse(str(m, "effect")), ranked,
                        (String) m.get("over")));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }
}
