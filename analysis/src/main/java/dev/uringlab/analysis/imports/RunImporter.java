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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns old logs (fio's normal output, bpftrace's text maps and perf stat blocks captured together:
 * one file per run, or a terminal capture holding many runs) into a results directory the analysis
 * reads like a native one: runs/&lt;id&gt;/run.json (with the run's part of the source kept beside
 * it as imported.txt), manifest.json and runs.csv.
 *
 * <p>A file holding several fio runs is cut into one run per fio invocation ({@link CaptureSplitter}),
 * each with the maps and perf counters printed around it. Parameters come from fio's header line
 * (engine, rw, bs, iodepth, numjobs), the CPUs of a {@code taskset -c} on the run's command line, the
 * file name when it is written as {@code key=value,key=value.txt}, a parameter map by run position
 * ({@link RunParams}), then from the caller (which wins). Runs with equal parameters become
 * repetitions 1, 2, … of one configuration.
 */
public final class RunImporter {

    private static final Pattern TASKSET = Pattern.compile("\\btaskset\\s+(?:-c|--cpu-list)\\s+([\\d,\\-]+)");
    private static final Pattern PROBE_BLOCK = Pattern.compile("([a-z]+:[\\w:.*]+)[^{]*\\{([^}]*)\\}");

    private RunImporter() {
    }

    /** One imported run before its repetition number is known. */
    private record Parsed(String text, String excerpt, Map<String, Object> params, Map<String, Double> metrics,
            Map<String, Map<String, Long>> probes, String fioVersion, String label) {
    }

    /** Every fio run in one file, in order. */
    private static List<Parsed> parseFile(Path file, RunParams runParams, Map<String, Object> extraParams)
            throws ParseException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ParseException.in(file.toString(), "cannot read: " + e.getMessage());
        }
        List<CaptureSplitter.Piece> pieces = CaptureSplitter.split(text);
        runParams.checkRunCount(file, pieces.size());
        List<Parsed> parsed = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            CaptureSplitter.Piece piece = pieces.get(k);
            String source = file.toString();
            FioTextParser.Result fio = FioTextParser.parse(piece.text(), source);
            BpftraceMaps maps = named(BpftraceTextParser.parse(piece.text(), source), piece.commandLine());
            Map<String, Double> metrics = new LinkedHashMap<>(fio.metrics().asMap());
            metrics.putAll(PerfStatParser.parse(piece.text(), source));
            Map<String, Object> params = new LinkedHashMap<>(fio.params());
            Matcher taskset = TASKSET.matcher(piece.commandLine());
            if (taskset.find()) {
                params.put("cpus", typed(taskset.group(1)));
            }
            params.putAll(fromFileName(file));
            params.putAll(runParams.forRun(file, k + 1));
            params.putAll(extraParams);
            List<String> probeIds = maps.maps().keySet().stream().map(n -> n.startsWith("@") ? n.substring(1) : n).toList();
            String label = pieces.size() == 1 ? "imported " + file.getFileName()
                    : "imported " + file.getFileName() + " run " + (k + 1) + " of " + pieces.size()
                            + " (lines " + piece.firstLine() + "-" + piece.lastLine() + ")";
            // A one-run file keeps the whole file as its text, so its run id is what earlier imports gave it.
            String own = pieces.size() == 1 ? text : piece.text();
            String excerpt = pieces.size() == 1 ? text : String.join("\n", List.of(text.split("\\R", -1))
                    .subList(piece.firstLine() - 1, piece.lastLine())) + "\n";
            parsed.add(new Parsed(own, excerpt, params, metrics, maps.byProbe(probeIds), fio.fioVersion(), label));
        }
        return parsed;
    }

    /**
     * bpftrace prints an unnamed map as {@code @[key]: n}; a column named "" helps nobody, so it is
     * named after the probe whose action writes it in the run's bpftrace command ({@code
     * tracepoint:ipi:ipi_send_cpu { @[...] = count(); }} gives ipi_send_cpu), else "unnamed_map".
     */
    static BpftraceMaps named(BpftraceMaps maps, String commandLine) {
        if (!maps.maps().containsKey("@")) {
            return maps;
        }
        String name = "unnamed_map";
        Matcher m = PROBE_BLOCK.matcher(commandLine);
        while (m.find()) {
            if (m.group(2).matches("(?s).*@(\\[|\\s*=[^=]).*")) {
                String spec = m.group(1);
                name = spec.substring(spec.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9_]", "_");
                break;
            }
        }
        Map<String, Map<String, Long>> renamed = new LinkedHashMap<>();
        String unique = maps.maps().containsKey("@" + name) ? name + "_unnamed" : name;
        maps.maps().forEach((k, v) -> renamed.put(k.equals("@") ? "@" + unique : k, v));
        return new BpftraceMaps(renamed);
    }

    /** Imports files into resultsRoot/experiment/; returns the runs written. */
    public static List<RunRecord> importAll(List<Path> files, Path resultsRoot, String experiment, Map<String, Object> extraParams)
            throws ParseException, IOException {
        return importAll(files, resultsRoot, experiment, RunParams.none(), extraParams);
    }

    public static List<RunRecord> importAll(List<Path> files, Path resultsRoot, String experiment, RunParams runParams,
            Map<String, Object> extraParams) throws ParseException, IOException {
        Path dir = resultsRoot.resolve(experiment);
        Map<Map<String, Object>, Integer> repetitions = new HashMap<>();
        List<RunRecord> runs = new ArrayList<>();
        String fioVersion = "unknown";
        for (Path file : files) {
            for (Parsed p : parseFile(file, runParams, extraParams)) {
                int rep = repetitions.merge(p.params(), 1, Integer::sum);
                String id = runId(p.params(), rep, p.text());
                RunRecord run = new RunRecord(experiment, id, runs.size() + 1, rep, RunRecord.OK, null, p.params(), "", "",
                        p.label(), variants(p.probes()), p.metrics(), p.probes(), Instant.EPOCH.toString(), 0,
                        p.metrics().getOrDefault("runtime_s", 0.0));
                Path runDir = dir.resolve("runs").resolve(run.runId());
                AtomicFiles.write(runDir.resolve("run.json"), RunRecordJson.write(run));
                AtomicFiles.write(runDir.resolve("imported.txt"), p.excerpt());
                runs.add(run);
                fioVersion = p.fioVersion();
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", experiment);
        manifest.put("description", "imported " + runs.size() + " run(s) from " + files.size()
                + " text log(s) (fio normal output + bpftrace text maps + perf stat)");
        manifest.put("written_at", Instant.now().toString());
        manifest.put("host", Map.of("hostname", "unknown (imported)", "kernel", "unknown (imported)"));
        manifest.put("tools", Map.of("workload", fioVersion, "bpftrace", "unknown (imported)"));
        manifest.put("imported_from", files.stream().map(Path::toString).toList());
        AtomicFiles.write(dir.resolve("manifest.json"), RunRecordJson.MAPPER.writeValueAsString(manifest) + "\n");
        AtomicFiles.write(dir.resolve("runs.csv"), RunsCsvWriter.write(runs));
        return runs;
    }

    private static Map<String, String> variants(Map<String, Map<String, Long>> probes) {
        Map<String, String> variants = new LinkedHashMap<>();
        probes.keySet().forEach(id -> variants.put(id, "imported"));
        return variants;
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
