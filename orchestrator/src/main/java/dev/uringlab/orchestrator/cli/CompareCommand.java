package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code uringlab compare A B}: B relative to A, configuration by configuration (e.g. two kernels). */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare two result sets run by run: B relative to A, with 95%% intervals.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR_A", description = "Baseline results/<experiment> directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "Results directory compared with the baseline.")
    Path b;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the comparison as Markdown to FILE.")
    Path output;

    @Option(names = "--label-a", paramLabel = "TEXT", description = "DIR_A's name in figures, e.g. \"thesis capture\" (default: its directory name).")
    String labelA;

    @Option(names = "--label-b", paramLabel = "TEXT", description = "DIR_B's name in figures, e.g. \"this host\" (default: its directory name).")
    String labelB;

    @Option(names = "--figures", paramLabel = "DIR", description = "Where the figures go, one per measure with both sources"
            + " (default: DIR_B/compare-<DIR_A's name>).")
    Path figures;

    @Option(names = "--metric", paramLabel = "COLUMN", description = "A runs.csv column to draw (repeatable; default: the"
            + " headline metrics and probes per I/O both sets have).")
    java.util.List<String> metrics = new java.util.ArrayList<>();

    @Option(names = "--same-probe", paramLabel = "A_PROBE=B_PROBE", description = "DIR_A's probe A_PROBE counts what DIR_B's"
            + " B_PROBE counts (an imported map named after the capture's bpftrace map, e.g. irqs=irq_per_cpu; repeatable).")
    java.util.Map<String, String> sameProbe = new java.util.LinkedHashMap<>();

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ResultsDirectory resultsA = ResultsDirectory.load(a);
        ResultsDirectory resultsB = ResultsDirectory.load(b);
        Comparison comparison = Comparison.of(resultsA, resultsB);
        SourceFigures.Written drawn = SourceFigures.write(resultsA, resultsB, labelA, labelB, figures, metrics, sameProbe);
        String markdown = "# " + b + " vs " + a + "\n\n"
                + dev.uringlab.analysis.verdict.VerdictChanges.markdown(a, b) + comparison.markdown() + drawn.markdown();
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown);
        out.flush();
        if (output != null) {
            AtomicFiles.write(output, markdown);
        }
        return ExitCodes.OK;
    }
}
