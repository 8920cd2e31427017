package dev.uringlab.analysis.imports;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.analysis.report.RunsCsvWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns old logs (fio's normal output and bpftrace's text maps captured together, one file per
 * run) into a results directory the analysis reads like a native one: runs/&lt;id&gt;/run.json
 * (with the source kept beside it as imported.txt), manifest.json and runs.csv.
 *
 * <p>Parameters come from fio's header line (engine, rw, bs, iodepth, numjobs), then from the
 * file name when it is written as {@code key=value,key=value.txt}, then from the caller (which wins).
 * Files with equal parameters become repetitions 1, 2, … of one configuration.
 */
public final class RunImporter {

    private RunImporter() {
    }

    public static RunRecord read(Path file, String experiment, int index, int repetition, Map<String, Object> extraParams)
            throws ParseException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ParseException.in(file.toString(), "cannot read: " + e.getMessage());
        }
        String source = file.toString();
        FioTextParser.Result fio = FioTextParser.parse(text, source);
        BpftraceMaps maps = BpftraceTextParser.parse(text, source);
        Map<String, Object> params = new LinkedHashMap<>(fio.params());
        params.putAll(fromFileName(file));
        params.putAll(extraParams);
        List<String> probeIds = maps.maps().keySet().stream().map(n -> n.startsWith("@") ? n.substring(1) : n).toList();
        Map<String, String> variants = new LinkedHashMap<>();
        probeIds.forEach(id -> variants.put(id, "imported"));
        String id = runId(params, repetition, text);
        return new RunRecord(experiment, id, index, repetition, RunRecord.OK, null, params, "", "",
                "imported " + file.getFileName(), variants, fio.metrics().asMap(), maps.byProbe(probeIds),
                Instant.EPOCH.toString(), 0, fio.metrics().getOr("runtime_s", 0));
    }

    /** Imports files into resultsRoot/experiment/; returns the runs written. */
    public static List<RunRecord> importAll(List<Path> files, Path resultsRoot, String experiment, Map<String, Object> extraParams)
            throws ParseException, IOException {
        Path dir = resultsRoot.resolve(experiment);
        Map<Map<String, Object>, Integer> repetitions = new HashMap<>();
        List<RunRecord> runs = new ArrayList<>();
        String fioVersion = "unknown";
        for (int i = 0; i < files.size(); i++) {
            RunRecord probe = read(files.get(i), experiment, i + 1, 1, extraParams);
            int rep = repetitions.merge(probe.params(), 1, Integer::sum);
            RunRecord run = rep == 1 ? probe : read(files.get(i), experiment, i + 1, rep, extraParams);
            Path runDir = dir.resolve("runs").resolve(run.runId());
            AtomicFiles.write(runDir.resolve("run.json"), RunRecordJson.write(run));
            Files.copy(files.get(i), runDir.resolve("imported.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            runs.add(run);
            fioVersion = FioTextParser.parse(Files.readString(files.get(i)), files.get(i).toString()).fioVersion();
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", experiment);
        manifest.put("description", "imported from " + files.size() + " text log(s) (fio normal output + bpftrace text maps)");
        manifest.put("written_at", Instant.now().toString());
        manifest.put("host", Map.of("hostname", "unknown (imported)", "kernel", "unknown (imported)"));
        manifest.put("tools", Map.of("workload", fioVersion, "bpftrace", "unknown (imported)"));
        manifest.put("imported_from", files.stream().map(Path::toString).toList());
        AtomicFiles.write(dir.resolve("manifest.json"), RunRecordJson.MAPPER.writeValueAsString(manifest) + "\n");
        AtomicFiles.write(dir.resolve("runs.csv"), RunsCsvWriter.write(runs));
        return runs;
    }

    /** "iodepth=16,cpus=irq.txt" → {iodepth: 16, cpus: irq}; names without '=' give nothing. */
    static Map<String, Object> fromFileName(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[A-Za-z0-9]+$", "");
        Map<String, Object> params = new LinkedHashMap<>();
        for (String part : stem.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.put(part.substring(0, eq), typed(part.substring(eq + 1)));
            }
        }
        return params;
    }

    /** Numbers as Long so "iodepth=16" groups with native runs, whose sweep values are Long. */
    public static Object typed(String value) {
        return value.matches("-?\\d{1,18}") ? (Object) Long.parseLong(value) : value;
    }

    private static String runId(Map<String, Object> params, int repetition, String text) {
        StringBuilder id = new StringBuilder("import");
        params.forEach((k, v) -> {
            if (!List.of("engine", "rw", "bs", "numjobs").contains(k)) {
                id.append('_').append(k.replaceAll("[^A-Za-z0-9.]+", "")).append('-').append(String.valueOf(v).replaceAll("[^A-Za-z0-9.]+", ""));
            }
        });
        return id + "_r" + repetition + "_" + sha256(text).substring(0, 8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
