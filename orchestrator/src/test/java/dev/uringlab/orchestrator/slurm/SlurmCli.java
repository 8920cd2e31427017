package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.testing.Prerequisites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * uringlab run in its own JVM as a user runs it (the tasks run the same build), plus waiting for
 * Slurm jobs; every job a test submitted is cancelled at the end, so none outlives the test.
 */
final class SlurmCli {

    record Result(int exit, String output) {
    }

    private final List<String> jobs = new ArrayList<>();

    static void requireCluster() {
        Prerequisites.requireTool("sbatch");
        Prerequisites.requireTool("fio");
        Prerequisites.requireRoot();
        boolean local;
        try {
            // Only the one-node cluster of scripts/slurm-local.sh: never a real cluster's nodes.
            local = new SlurmClient().nodes("uringlab").stream().map(SlurmClient.Node::name).toList()
                    .equals(java.util.List.of(SlurmClient.shortHostname()));
        } catch (Exception e) {
            local = false;
        }
        Prerequisites.require(local, "the local one-node Slurm cluster (make test starts it: scripts/slurm-local.sh start)");
    }

    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // From this build's classes, as the tasks will be too (the ITs run before mvn package makes the jar).
        List<String> argv = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                dev.uringlab.orchestrator.cli.Main.class.getName()));
        argv.addAll(List.of(args));
        Path log = Files.createTempFile("uringlab-it", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("uringlab " + String.join(" ", args) + " did not finish in 120 s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            System.out.printf("$ uringlab %s   (exit %d, %.1f s)%n%s%n", String.join(" ", args), p.exitValue(),
                    (System.nanoTime() - t0) / 1e9, out.strip());
            return new Result(p.exitValue(), out);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** The job id of the newest submission in dir, remembered for cleanup. */
    String lastJob(Path dir) throws IOException {
        List<Submission> all = Submission.all(dir);
        assertTrue(!all.isEmpty(), "no submission in " + dir);
        String id = all.get(all.size() - 1).jobId();
        if (!jobs.contains(id)) {
            jobs.add(id);
        }
        return id;
    }

    void awaitEnd(String jobId, int seconds) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
        SlurmClient slurm = new SlurmClient();
        while (slurm.active(jobId)) {
            assertTrue(System.nanoTime() < deadline, "job " + jobId + " still active after " + seconds + " s");
            Thread.sleep(500);
        }
        System.out.printf("(job %s ended %.1f s after we started waiting)%n", jobId, (System.nanoTime() - t0) / 1e9);
    }

    void cancelAll() throws Exception {
        SlurmTool tool = new SlurmTool();
        for (String id : jobs) {
            tool.call("scancel", List.of(id));
        }
        for (String id : jobs) {
            awaitEnd(id, 60);
        }
    }
}
