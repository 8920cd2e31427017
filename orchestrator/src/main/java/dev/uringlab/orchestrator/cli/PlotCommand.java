package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.report.Report;
import dev.uringlab.analysis.report.ReportGenerator;
import dev.uringlab.analysis.report.ReportOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code uringlab plot DIR}: tables, figures and report.html re-rendered from stored runs; needs no root. */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Re-render runs.csv, runs-long.csv, stats.csv, figures/ and report.html from stored runs.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS_DIR",
            description = "results/<experiment> directories, or a results/ root holding several.")
    List<Path> dirs;

    @Option(names = "--latex", description = "Also write tables.tex (booktabs).")
    boolean latex;

    @Option(names = "--no-markdown", description = "Do not write report.md.")
    boolean noMarkdown;

    @Option(names = "--peak-memory", hidden = true, description = "Print the process' peak RSS at the end (for bench-plot).")
    boolean peakMemory;

    @Mixin
    VerboseMixin verbose;

    /** When main began, and how long after the JVM's start: bench-plot's "JVM start" phase. */
    private static long started = System.nanoTime();
    private static long startedAfterMs;

    @Spec
    CommandSpec spec;

    /** Lets bench-plot time plot in a fresh JVM, as a user runs it, without going through Main. */
    public static void main(String[] args) {
        started = System.nanoTime();
        startedAfterMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        CommandLine cli = new CommandLine(new PlotCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        for (Path dir : experimentDirs()) {
            long t0 = System.nanoTime();
            Report report = ReportGenerator.render(dir, DeclaredPlots.of(dir), new ReportOptions(!noMarkdown, latex));
            out.printf(Locale.ROOT, "%s: %d runs, %d figures in %.1f s -> %s%n", dir, report.runs(), report.figures(),
                    (System.nanoTime() - t0) / 1e9, report.html());
            if (!report.removed().isEmpty()) {
                out.printf(Locale.ROOT, "removed %d stale figure file(s) this command wrote before: %s%n", report.removed().size(),
                        String.join(", ", report.removed()));
            }
            report.problems().forEach(p -> out.println("warning: " + p));
            problems += report.problems().size();
            if (peakMemory) {
                report.phases().forEach(p -> out.printf(Locale.ROOT, "phase=%s\t%.4f\t%s%n", p.name(), p.seconds(),
                        p.summedOverThreads() ? "threads" : "wall"));
            }
        }
        if (peakMemory) {
            out.printf(Locale.ROOT, "main_s=%.4f%n", (System.nanoTime() - started) / 1e9);
            out.println("jvm_start_ms=" + startedAfterMs);
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                out.printf(Locale.ROOT, "cpu_s=%.4f%n", os.getProcessCpuTime() / 1e9);
            }
            out.println("peak_heap_kib=" + peakHeapKib());
            out.println("max_heap_kib=" + Runtime.getRuntime().maxMemory() / 1024);
            out.println("peak_rss_kib=" + peakRssKib());
        }
        out.flush();
        return problems > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A directory with runs/ is one experiment; otherwise each child that has runs/ is. */
    private List<Path> experimentDirs() throws IOException {
        List<Path> result = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), dir + ": no such directory");
            }
            if (Files.isDirectory(dir.resolve("runs"))) {
                result.add(dir);
                continue;
            }
            try (Stream<Path> children = Files.list(dir)) {
                List<Path> found = children.filter(c -> Files.isDirectory(c.resolve("runs"))).sorted().toList();
                if (found.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), dir
                            + ": not a results directory (no runs/ in it or in any subdirectory)");
                }
                result.addAll(found);
            }
        }
        return result;
    }

    /** The heap pools' peaks added up: an upper bound of the peak heap in use (pools peak at different moments). */
    static long peakHeapKib() {
        long bytes = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1024;
    }

    static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
