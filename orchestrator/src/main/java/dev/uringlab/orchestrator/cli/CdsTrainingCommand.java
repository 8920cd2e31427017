package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.SyntheticResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code uringlab cds-training FILE} (hidden): what the launcher runs once per build under
 * {@code -XX:ArchiveClassesAtExit} so that later commands map the classes of start-up, planning
 * and the report from a class-data archive instead of loading and verifying them from the jar
 * (see the {@code uringlab} script). It plans FILE and renders a small synthetic results
 * directory, through the same commands a user runs; its output is of no interest.
 */
@Command(name = "cds-training", hidden = true, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load what start-up, planning and the report use (the launcher's class-data archive is made from this).")
final class CdsTrainingCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file to plan.")
    Path file;

    @Override
    public Integer call() throws Exception {
        Main.execute("plan", file.toString());
        Path dir = Files.createTempDirectory("uringlab-cds-training");
        try {
            SyntheticResults.generate(dir, 48, 12, 1);
            Main.execute("plot", dir.toString());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCodes.OK;
    }
}
