package dev.uringlab.analysis.report;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.DefaultPlots;
import dev.uringlab.analysis.plot.DrawOrder;
import dev.uringlab.analysis.plot.Figure;
import dev.uringlab.analysis.plot.FigureContext;
import dev.uringlab.analysis.plot.FigureManifest;
import dev.uringlab.analysis.plot.FigureWriter;
import dev.uringlab.analysis.plot.Figures;
import dev.uringlab.analysis.plot.PlotSpec;
import dev.uringlab.analysis.plot.PlotSpecs;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.verdict.VerdictResult;
import dev.uringlab.analysis.verdict.VerdictSection;
import dev.uringlab.analysis.verdict.VerdictTable;
import dev.uringlab.analysis.verdict.Verdicts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one entry point from a results directory to everything derived from it: runs.csv,
 * runs-long.csv, stats.csv, figures/ (PNG, SVG, PDF), report.html and report.md (tables.tex
 * with --latex). Only stored runs are read, so it can run anywhere, later, without root.
 */
public final class ReportGenerator {

    public static final String FIGURES = "figures";

    /** A daemon thread per table, so a JVM exiting after `plot` is never held up by one. */
    private static final java.util.concurrent.Executor TABLES = r -> {
        Thread t = new Thread(r, "uringlab-tables");
        t.setDaemon(true);
        t.start();
    };

    private ReportGenerator() {
    }

    /** What the sweep calls when an experiment finishes. */
    public static Report render(Path experimentDir, PlotSpecs specs) throws IOException {
        return render(experimentDir, specs, ReportOptions.DEFAULT);
    }

    public static Report render(Path experimentDir, PlotSpecs specs, ReportOptions options) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Phases phases = new Phases();
        ResultsDirectory results = phases.time("read runs (run.json)", () -> ResultsDirectory.load(experimentDir));
        List<RunRecord> runs = results.runs();
        Grouping grouping = phases.time("group runs", () -> Grouping.of(runs, specs.sweptAxes()));
        List<Path> files = Collections.synchronizedList(new ArrayList<>());
        List<String> figureFiles = Collections.synchronizedList(new ArrayList<>());

        // The tables and the figures need nothing from each other: each table is written on its own
        // thread while the figures are drawn (at 100,000 runs the tables alone were 9 of plot's 16 s).
        java.util.concurrent.CompletableFuture<Void> tables = java.util.concurrent.CompletableFuture.allOf(
                table("runs.csv", phases, () -> {
                    Path csv = experimentDir.resolve("runs.csv");
                    Path aside = experimentDir.resolve(".runs.csv.tmp");
                    try (BufferedWriter w = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
                        RunsCsvWriter.write(runs, w);
                    }
                    // Complete or absent: a reader of runs.csv never sees half a file.
                    Files.move(aside, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    files.add(csv);
                }),
                table("runs-long.csv", phases, () -> {
                    Path longCsv = experimentDir.resolve("runs-long.csv");
                    try (BufferedWriter w = Files.newBufferedWriter(longCsv, StandardCharsets.UTF_8)) {
                        LongCsvWriter.write(runs, w);
                    }
                    files.add(longCsv);
                }),
                table("stats.csv", phases, () -> write(experimentDir.resolve("stats.csv"),
                        StatsTable.csv(StatsTable.of(grouping, StatsTable.measures(runs))), files)));
        long figuresStart = System.nanoTime();

        FigureContext ctx = new FigureContext(grouping, runs, results.manifest(),
                new dev.uringlab.analysis.io.RunHistograms(experimentDir.resolve(ResultsDirectory.RUNS)));
        List<PlotSpec> plotSpecs = specs.useDefaults() ? DefaultPlots.of(runs, grouping, results.manifest()) : specs.plots();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Path figuresDir = experimentDir.resolve(FIGURES);
        Map<String, String> svgs = new ConcurrentHashMap<>();
        Map<Integer, List<Figure>> byIndex = new ConcurrentHashMap<>();
        // Figures are independent: draw them on every CPU, each thread taking the next of the
        // costliest-first order when it is done with one.
        forEachParallel(DrawOrder.of(plotSpecs), i -> {
            PlotSpec spec = plotSpecs.get(i);
            try {
                long t0 = Phases.cpuNow();
                List<Figure> figures = Figures.build(spec, ctx);
                phases.add("figure datasets", Phases.cpuNow() - t0, true);
                for (Figure f : figures) {
                    svgs.put(f.name(), FigureWriter.write(f, figuresDir, Phases::cpuNow, phases::add));
                    for (String ext : List.of(".png", ".svg", ".pdf")) {
                        files.add(figuresDir.resolve(f.name() + ext));
                        figureFiles.add(f.name() + ext);
                    }
                }
                byIndex.put(i, figures);
            } catch (IllegalArgumentException e) {
                problems.add("plot " + spec.name() + " not drawn: " + e.getMessage());
            } catch (RuntimeException e) {
                // A charting failure in one figure must not cost the report its other figures.
                problems.add("plot " + spec.name() + " not drawn: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        phases.add("figures, and the tables beside them", System.nanoTime() - figuresStart, false);
        long waitStart = System.nanoTime();
        try {
            tables.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        phases.add("waiting for the tables after the figures", System.nanoTime() - waitStart, false);
        long reportStart = System.nanoTime();
        List<String> removed = FigureManifest.replace(figuresDir, figureFiles);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < plotSpecs.size(); i++) {
            figures.addAll(byIndex.getOrDefault(i, List.of()));
        }

        ReportContent content = new ReportContent(results.manifest(), runs, grouping.axes(), Findings.of(grouping, runs),
                figures, new LinkedHashMap<>(svgs), SummaryTable.of(grouping, SummaryTable.headline(runs)), List.copyOf(problems));
        Path html = experimentDir.resolve("report.html");
        java.util.Optional<List<VerdictResult>> verdicts = Verdicts.judge(experimentDir);
        if (verdicts.isPresent()) {
            write(experimentDir.resolve(Verdicts.VERDICTS), VerdictTable.csv(verdicts.get()), files);
        }
        write(html, VerdictSection.html(HtmlReport.render(content), verdicts), files);
        if (options.markdown()) {
            write(experimentDir.resolve("report.md"), VerdictSection.markdown(MarkdownReport.render(content), verdicts), files);
        }
        if (options.latex()) {
            write(experimentDir.resolve("tables.tex"), LatexTables.render(content), files);
        }
        phases.add("findings, report.html/md, verdicts", System.nanoTime() - reportStart, false);
        return new Report(html, List.copyOf(files), figures.size(), runs.size(), List.copyOf(problems), removed, phases.list());
    }

    /**
     * Runs task for each index, in that order, on this thread and (one fewer than the CPUs) pool
     * threads, each taking the next index when free; returns when all are done. The first
     * exception is rethrown after the other threads have finished.
     */
    static void forEachParallel(int[] order, java.util.function.IntConsumer task) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < order.length; k = next.getAndIncrement()) {
                task.accept(order[k]);
            }
        };
        int helpers = Math.min(order.length, Runtime.getRuntime().availableProcessors()) - 1;
        List<java.util.concurrent.CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            others.add(java.util.concurrent.CompletableFuture.runAsync(worker));
        }
        RuntimeException failed = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failed = e;
        }
        for (java.util.concurrent.CompletableFuture<Void> other : others) {
            try {
                other.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private interface TableWriter {
        void write() throws IOException;
    }

    /** One table written on its own daemon thread; its CPU time goes to {@code phases}. */
    private static java.util.concurrent.CompletableFuture<Void> table(String name, Phases phases, TableWriter writer) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            long t0 = Phases.cpuNow();
            try {
                writer.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            phases.add(name, Phases.cpuNow() - t0, true);
        }, TABLES);
    }

    private static void write(Path file, String text, List<Path> files) throws IOException {
        AtomicFiles.write(file, text);
        files.add(file);
    }
}
