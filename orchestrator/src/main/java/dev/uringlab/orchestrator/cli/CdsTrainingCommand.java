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
        loadOwnClasses();
        return ExitCodes.OK;
    }

    /**
     * Loads, without initialising, every class of uringlab's own packages: a sweep's classes
     * (runs, probes, workloads, the host) are not reached by planning and plotting, and were
     * loaded and verified from the jar by every {@code run} (306 classes in a default sweep).
     */
    private static void loadOwnClasses() throws java.io.IOException, java.net.URISyntaxException {
        java.security.CodeSource source = CdsTrainingCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
            return;
        }
        ClassLoader loader = CdsTrainingCommand.class.getClassLoader();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Path.of(source.getLocation().toURI()).toFile())) {
            jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.startsWith("dev/uringlab/") && n.endsWith(".class") && !n.contains("-"))
                    .forEach(n -> {
                        try {
                            Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // not loadable here (an optional dependency missing): left to load from the jar
                        }
                    });
        }
    }
}
