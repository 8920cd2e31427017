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

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Comparison comparison = Comparison.of(ResultsDirectory.load(a), ResultsDirectory.load(b));
        String markdown = "# " + b + " vs " + a + "\n\n"
                + dev.uringlab.analysis.verdict.VerdictChanges.markdown(a, b) + comparison.markdown();
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown);
        out.flush();
        if (output != null) {
            AtomicFiles.write(output, markdown);
        }
        return ExitCodes.OK;
    }
}
