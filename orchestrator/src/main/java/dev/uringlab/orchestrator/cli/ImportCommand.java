package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.imports.RunImporter;
import dev.uringlab.analysis.imports.RunParams;
import dev.uringlab.analysis.model.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uringlab import}: old fio text + bpftrace text logs become runs that plot and compare like new ones. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = {
        "Import plain fio output (fio 3.x normal format) with bpftrace text maps and perf stat blocks as runs:",
        "one file per run, or a terminal capture holding many runs (cut into one run per fio invocation).",
        "Parameters come from fio's header, a 'taskset -c' on the run's command line, file names like",
        "iodepth=16,cpus=irq.txt, --params (by run position) and --param."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files: one run each, or captures of many runs.")
    List<Path> files;

    @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "Experiment name (results/<NAME>/).")
    String experiment;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A parameter for every imported run (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--params", paramLabel = "FILE", description = {"YAML: run position (1 = a file's first fio run) ->"
            + " parameters, for every file (1: {coop: on}) or one (capture.log: {2: {coop: off}})."})
    Path paramsFile;

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), f + ": no such file");
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> typed.put(k, RunImporter.typed(v)));
        RunParams runParams = paramsFile == null ? RunParams.none() : ImportParamsFile.read(paramsFile);
        List<RunRecord> runs = RunImporter.importAll(files, results, experiment, runParams, typed);
        spec.commandLine().getOut().printf("imported %d run(s) into %s; next: uringlab plot %s%n", runs.size(),
                results.resolve(experiment), results.resolve(experiment));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
