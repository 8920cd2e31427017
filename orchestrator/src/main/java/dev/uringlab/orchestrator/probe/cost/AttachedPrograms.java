package dev.uringlab.orchestrator.probe.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bpftool perf show -j} prints: every BPF program attached through a perf event
 * (tracepoints, kprobes, uprobes), with the process holding it. It is the only place that names
 * the attach point of a program id, which fdinfo does not.
 */
public final class AttachedPrograms {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code point} is the tracepoint name or the kprobe's function, as bpftool names it. */
    public record Attachment(long pid, int fd, int progId, String type, String point) {
    }

    private AttachedPrograms() {
    }

    public static List<Attachment> parse(String json) throws IOException {
        List<Attachment> out = new ArrayList<>();
        JsonNode root = JSON.readTree(json.isBlank() ? "[]" : json);
        for (JsonNode n : root) {
            String type = n.path("fd_type").asText("");
            String point = n.hasNonNull("tracepoint") ? n.get("tracepoint").asText()
                    : n.hasNonNull("func") ? n.get("func").asText()
                    : n.hasNonNull("filename") ? n.get("filename").asText() : "";
            out.add(new Attachment(n.path("pid").asLong(), n.path("fd").asInt(), n.path("prog_id").asInt(), type, point));
        }
        return out;
    }
}
