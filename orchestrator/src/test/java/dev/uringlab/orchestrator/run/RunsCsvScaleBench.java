package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.RunsCsvWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keeping runs.csv current costs after the N-th run of a sweep: the whole-file rewrite
 * every run used to pay (from records held in memory, its cheapest form), the rewrite from the
 * run.json files a new column now costs, and the append a run with known columns gets. Run by bench/runs-csv-scale.sh, never by the test suite.
 */
public final class RunsCsvScaleBench {

    public static void main(String[] args) throws Exception {
        System.out.printf("%8s %14s %16s %14s %12s%n", "runs", "rewrite_ms", "from_disk_ms", "append_ms", "csv_MB");
        for (String arg : args.length == 0 ? new String[] {"2000", "20000"} : args) {
            int n = Integer.parseInt(arg);
            Path root = Files.createTempDirectory("uringlab-runs-csv-bench");
            try {
                measure(root, n);
            } finally {
                ResultStore.deleteTree(root);
            }
        }
    }

    private static void measure(Path root, int n) throws Exception {
        ResultStore store = new ResultStore(root, "exp");
        List<RunRecord> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n + 1; i++) {
            RunRecord r = run(i);
            ids.add(r.runId());
            if (i <= n) {
                Path dir = store.runDir(r.runId());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("run.json"), RunRecordJson.write(r));
                records.add(RunRecordJson.read(dir.resolve("run.json")));
            }
        }
        store.writeRunsCsv(ids);
        double rewrite = median(5, () -> AtomicFiles.write(store.experimentDir().resolve("runs.csv"), RunsCsvWriter.write(records)));
        double fromDisk = median(3, () -> store.writeRunsCsv(ids));
        RunRecord next = run(n + 1);
        long t0 = System.nanoTime();
        store.commit(store.begin(next.runId()), next);
        long t1 = System.nanoTime();
        store.updateRunsCsv(next.runId(), ids);
        double append = (System.nanoTime() - t1) / 1e6;
        if (!Files.readString(store.experimentDir().resolve("runs.csv")).endsWith(RunsCsvWriter.Columns.of(List.of(next)).row(next))) {
            throw new IllegalStateException("the last row is not run " + (n + 1));
        }
        System.out.printf("%8d %14.1f %16.1f %14.2f %12.1f   (commit of run.json itself: %.1f ms)%n", n, rewrite, fromDisk, append,
                Files.size(store.experimentDir().resolve("runs.csv")) / 1e6, (t1 - t0) / 1e6);
    }

    interface Step {
        void run() throws Exception;
    }

    private static double median(int times, Step step) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(Double::compare);
        return ms.get(times / 2);
    }

    /** A default-sweep-like run: 2 params, 20 metrics, 10 probes with per-CPU keys. */
    private static RunRecord run(int i) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("iodepth", (long) (1 << (i % 7)));
        params.put("cpus", i % 2 == 0 ? "irq" : "non-irq");
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int m = 0; m < 20; m++) {
            metrics.put("metric_" + m, 1000.0 * i + m / 7.0);
        }
        metrics.put("total_ios", 300000.0 + i);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, String> variants = new LinkedHashMap<>();
        for (int p = 0; p < 10; p++) {
            counts.put("probe_" + p, Map.of("0", 1000L * p + i, "1", 2000L * p + i));
            variants.put("probe_" + p, "tracepoint");
        }
        return new RunRecord("exp", String.format("run-%07d", i), i, 1, RunRecord.OK, null, params, "irq", "1",
                "scratch", variants, metrics, counts, "2026-11-28T18:00:00.000Z", 3.3, 3.2);
    }
}
