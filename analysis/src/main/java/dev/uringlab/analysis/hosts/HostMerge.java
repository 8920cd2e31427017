package dev.uringlab.analysis.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.RunsCsvWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One experiment's results from several hosts merged into one results directory that every
 * analysis reads as usual: each run gains the parameters {@code host}, {@code host_kernel},
 * {@code host_cpu} and {@code host_disk_model} from its host's manifest, so {@code host} can be a
 * series or facet and runs.csv says where every row was measured.
 */
public final class HostMerge {

    /** Parameters added to every merged run, in runs.csv column order. */
    public static final List<String> HOST_PARAMS = List.of("host", "host_kernel", "host_cpu", "host_disk_model");

    private HostMerge() {
    }

    /** One host's results/&lt;experiment&gt; directory; {@code host} names it (the node's short hostname). */
    public record HostDir(String host, Path experimentDir) {
    }

    public record Merged(Path dir, int runs, List<String> hosts) {
    }

    /**
     * Writes {@code out}/runs/&lt;host&gt;--&lt;run-id&gt;/run.json, manifest.json (the first host's,
     * with every host listed) and runs.csv; whatever {@code out} held before is replaced.
     */
    public static Merged merge(List<HostDir> hosts, Path out) throws IOException {
        if (hosts.isEmpty()) {
            throw new IOException(out + ": no host results to merge");
        }
        Path runsDir = out.resolve(ResultsDirectory.RUNS);
        AtomicFiles.deleteTree(runsDir);
        Files.createDirectories(runsDir);
        List<RunRecord> merged = new ArrayList<>();
        ObjectNode manifest = null;
        ArrayNode hostList = RunRecordJson.MAPPER.createArrayNode();
        Set<String> names = new LinkedHashSet<>();
        Set<String> kernels = new LinkedHashSet<>();
        for (HostDir h : hosts) {
            ResultsDirectory dir = ResultsDirectory.load(h.experimentDir());
            JsonNode raw = dir.manifest().raw();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("host", h.host());
            extra.put("host_kernel", dir.manifest().kernel());
            extra.put("host_cpu", dir.manifest().cpuModel());
            extra.put("host_disk_model", raw == null ? "unknown" : raw.path("target").path("disk_model").asText("unknown"));
            names.add(h.host());
            kernels.add(dir.manifest().kernel());
            ObjectNode entry = hostList.addObject();
            extra.forEach((k, v) -> entry.put(k, String.valueOf(v)));
            entry.put("disk", raw == null ? "unknown" : raw.path("target").path("disk").asText("unknown"));
            entry.put("results", h.experimentDir().toString());
            entry.put("runs", dir.runs().size());
            if (manifest == null && raw != null && raw.isObject()) {
                manifest = ((ObjectNode) raw).deepCopy();
            }
            for (RunRecord run : dir.runs()) {
                RunRecord withHost = withParams(run, h.host() + "--" + run.runId(), extra);
                Path target = runsDir.resolve(withHost.runId());
                Files.createDirectories(target);
                AtomicFiles.write(target.resolve("run.json"), RunRecordJson.write(withHost));
                merged.add(withHost);
            }
        }
        if (manifest == null) {
            manifest = RunRecordJson.MAPPER.createObjectNode();
        }
        ObjectNode host = manifest.putObject("host");
        host.put("hostname", String.join(", ", names));
        host.put("kernel", String.join(", ", kernels));
        manifest.set("hosts", hostList);
        manifest.put("runs", merged.size());
        AtomicFiles.write(out.resolve(ResultsDirectory.MANIFEST),
                RunRecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        merged.sort(Comparator.comparingInt(RunRecord::index).thenComparing(RunRecord::runId));
        AtomicFiles.write(out.resolve("runs.csv"), RunsCsvWriter.write(merged));
        return new Merged(out, merged.size(), List.copyOf(names));
    }

    private static RunRecord withParams(RunRecord run, String runId, Map<String, Object> hostParams) {
        Map<String, Object> params = new LinkedHashMap<>(hostParams);
        params.putAll(run.params());
        return new RunRecord(run.experiment(), runId, run.index(), run.repetition(), run.status(), run.error(), params,
                run.cpuSet(), run.cpus(), run.target(), run.probeVariants(), run.metrics(), run.probeCounts(),
                run.startedAt(), run.wallSeconds(), run.workloadSeconds(), run.host(), run.warnings(), run.samples());
    }
}
