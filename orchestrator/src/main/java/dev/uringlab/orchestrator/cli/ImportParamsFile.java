package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.uringlab.analysis.imports.RunImporter;
import dev.uringlab.analysis.imports.RunParams;
import dev.uringlab.orchestrator.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code uringlab import --params FILE}: a YAML map from run position to parameters, at the top
 * level for every imported file, or under a file name for that file alone:
 * <pre>
 * 1: {coop_taskrun: false}
 * capture.log:
 *   2: {coop_taskrun: true, kernel: "6.1"}
 * </pre>
 */
final class ImportParamsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ImportParamsFile() {
    }

    static RunParams read(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the parameter map: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected a map of run position (1, 2, ...) or file name to parameters");
        }
        Map<String, Map<Integer, Map<String, Object>>> byFile = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().matches("\\d+")) {
                byFile.computeIfAbsent("", k -> new LinkedHashMap<>()).put(Integer.parseInt(e.getKey()), params(file, e.getKey(), e.getValue()));
            } else if (e.getValue().isObject()) {
                Map<Integer, Map<String, Object>> runs = byFile.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> r = e.getValue().fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> run = r.next();
                    if (!run.getKey().matches("\\d+")) {
                        throw new ConfigException(file + ": under '" + e.getKey() + "', '" + run.getKey()
                                + "' is not a run position (1 = the file's first fio run)");
                    }
                    runs.put(Integer.parseInt(run.getKey()), params(file, e.getKey() + "." + run.getKey(), run.getValue()));
                }
            } else {
                throw new ConfigException(file + ": '" + e.getKey() + "' is neither a run position nor a file name with runs under it");
            }
        }
        return new RunParams(file.toString(), byFile);
    }

    private static Map<String, Object> params(Path file, String where, JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(file + ": " + where + ": expected parameters as a map, e.g. {coop_taskrun: false}");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isValueNode()) {
                throw new ConfigException(file + ": " + where + "." + p.getKey() + ": expected a single value");
            }
            params.put(p.getKey(), RunImporter.typed(p.getValue().asText()));
        }
        return params;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
