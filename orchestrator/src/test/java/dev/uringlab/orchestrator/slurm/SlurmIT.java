package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.cli.SweepIT;
import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.HostFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * uringlab on a real Slurm cluster (make test starts a one-node one: scripts/slurm-local.sh):
 * a 4-run fio sweep submitted in both modes and collected; a task cancelled mid-run, then resumed;
 * a task on a node without fio; a missing or unreachable Slurm. Runs are 1 s long to keep CPU low.
 */
class SlurmIT {

    private static final String HOST = SlurmClient.shortHostname();
    private static final String LIMIT = "/sys/devices/system/cpu/cpu0/power/pm_qos_resume_latency_us";

    private final SlurmCli cli = new SlurmCli();

    @BeforeAll
    static void cluster() {
        SlurmCli.requireCluster();
    }

    @AfterEach
    void noJobOutlivesTheTest() throws Exception {
        cli.cancelAll();
    }

    static String sweep(Path dir, String name, int runtime, String host) {
        return """
                experiments:
                  - name: %s
                    target: {kind: scratch, path: %s, size: 32m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, direct: true, runtime: %d}
                %s    sweep:
                      iodepth: [1, 16]
                      cpus: ["0", "1"]
                """.formatted(name, dir.resolve("scratch.dat"), runtime, host);
    }

    @Test
    void replicateAndSpreadSubmissionsAreCollectedWithAHostColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, sweep(dir, "slurm-it", 1, ""));

        Path rep = dir.resolve("replicate");
        SlurmCli.Result submitted = cli.run("submit", file.toString(), "--slurm", "--nodes", "1", "--time", "10",
                "--results", rep.toString(), "--", "--comment=uringlab-it");
        assertEquals(0, submitted.exit(), submitted.output());
        assertTrue(submitted.output().contains("--exclusive") && submitted.output().contains("--comment=uringlab-it"),
                "every task exclusive, sbatch options passed through: " + submitted.output());
        cli.awaitEnd(cli.lastJob(rep), 180);
        SlurmCli.Result status = cli.run("status", rep.toString());
        assertEquals(0, status.exit(), status.output());
        assertTrue(status.output().contains("COMPLETED") && status.output().contains("4/4"), status.output());
        assertCollected(rep);

        Path spread = dir.resolve("spread");
        submitted = cli.run("submit", file.toString(), "--slurm", "--mode", "spread", "--tasks", "2",
                "--results", spread.toString());
        assertEquals(0, submitted.exit(), submitted.output());
        assertTrue(submitted.output().contains("4 to do in 2 array tasks") && submitted.output().contains("--array=0-1"),
                submitted.output());
        String job = cli.lastJob(spread);
        cli.awaitEnd(job, 180);
        Submission s = Submission.all(spread).get(0);
        assertEquals(2, s.taskRuns().size());
        assertTrue(s.taskRuns().get(0).stream().noneMatch(s.taskRuns().get(1)::contains), "disjoint run sets");
        for (int task = 0; task < 2; task++) {
            String log = Files.readString(SubmitLayout.logsDir(SubmitLayout.subDir(spread, 1)).resolve(job + "_" + task + ".out"));
            assertTrue(log.contains("2 runs") && log.contains("done: 2 ok, 0 failed"), log);
        }
        status = cli.run("status", spread.toString());
        assertEquals(0, status.exit(), status.output());
        assertCollected(spread);
    }

    private void assertCollected(Path dir) throws Exception {
        SlurmCli.Result collected = cli.run("collect", dir.toString());
        assertEquals(0, collected.exit(), collected.output());
        Path exp = SubmitLayout.collectedDir(dir).resolve("slurm-it");
        List<String> lines = Files.readAllLines(exp.resolve("runs.csv"));
        System.out.println("runs.csv head:\n" + String.join("\n", lines.subList(0, Math.min(3, lines.size()))));
        List<Map<String, String>> rows = SweepIT.readCsv(exp.resolve("runs.csv"));
        assertEquals(4, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals(HOST, row.get("host"));
            assertFalse(row.get("host_kernel").isBlank() || row.get("host_kernel").equals("unknown"), row.toString());
            assertFalse(row.get("host_cpu").isBlank(), row.toString());
            assertTrue(row.containsKey("host_disk_model"));
            assertTrue(Double.parseDouble(row.get("iops")) > 0, row.toString());
        }
        assertTrue(Files.size(exp.resolve("figures").resolve("line-iops.png")) > 0);
        String html = Files.readString(exp.resolve("report.html"));
        assertTrue(html.contains("host=" + HOST), "host is a series in the report's figures");
    }

    @Test
    void aCancelledTaskRestoresTheHostCommitsNoPartialRunAndAResubmissionResumes(@TempDir Path dir) throws Exception {
        // The idle-latency limit is a host change uringlab journals and restores; it needs a cpuidle driver
        // (the lab VM has haltpoll). Where there is none, the run refuses the knob, so the sweep changes nothing.
        boolean knob = !CpuIdle.driver(HostFs.real()).equals("none");
        String before = knob ? Files.readString(Path.of(LIMIT)).strip() : "";
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, sweep(dir, "slurm-it", 3, knob ? "    host: {max_idle_latency_us: 0}\n" : ""));
        Path results = dir.resolve("results");
        assertEquals(0, cli.run("submit", file.toString(), "--slurm", "--mode", "spread", "--results", results.toString()).exit());
        String job = cli.lastJob(results);
        Path runs = SubmitLayout.hostsDir(results).resolve(HOST).resolve("slurm-it").resolve("runs");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!(complete(runs) == 1 && partials(runs) == 1)) {
            assertTrue(System.nanoTime() < deadline, "the second run never started");
            Thread.sleep(100);
        }
        Thread.sleep(1000); // inside the second run's 3 s workload
        if (knob) {
            assertEquals(CpuIdle.POLL_ONLY, Files.readString(Path.of(LIMIT)).strip(), "the limit holds during the run");
        }
        System.out.println("$ scancel " + job);
        new SlurmTool().checked("scancel", List.of(job));
        cli.awaitEnd(job, 60);

        if (knob) {
            assertEquals(before, Files.readString(Path.of(LIMIT)).strip(), "host restored after scancel");
        }
        assertEquals(1, complete(runs), "only the finished run is committed");
        assertEquals(List.of(), liveProcessesIn(dir), "no fio left after scancel");
        String log = Files.readString(SubmitLayout.logsDir(SubmitLayout.subDir(results, 1)).resolve(job + "_0.out"));
        System.out.println("task log:\n" + log.strip());
        assertTrue(log.contains("CANCELLED"), log);
        if (knob) {
            assertTrue(log.contains("host restored"), log);
        }
        SlurmCli.Result status = cli.run("status", results.toString());
        assertTrue(status.output().contains("CANCELLED") && status.output().contains("1/4"), status.output());

        SlurmCli.Result again = cli.run("submit", file.toString(), "--slurm", "--mode", "spread", "--results", results.toString());
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("4 runs planned, 1 already finished, 3 to do"), again.output());
        String second = cli.lastJob(results);
        cli.awaitEnd(second, 180);
        assertEquals(4, complete(runs));
        assertEquals(0, partials(runs), "the resumed sweep cleans the cancelled attempt's partial directory");
        String log2 = Files.readString(SubmitLayout.logsDir(SubmitLayout.subDir(results, 2)).resolve(second + "_0.out"));
        assertTrue(log2.contains("3 runs") && log2.contains("done: 3 ok, 0 failed"), log2);
        status = cli.run("status", results.toString());
        assertEquals(0, status.exit(), "the cancelled task's runs are finished now: " + status.output());
        assertTrue(status.output().contains("resumed"), status.output());
        assertEquals(0, cli.run("collect", results.toString()).exit());
    }

    @Test
    void aTaskOnANodeWithoutFioFailsWithTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, sweep(dir, "slurm-it", 1, ""));
        // The node's PATH holds java and the few commands task.sh uses, but no fio: a node without the tool.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("hostname", "mkdir", "date", "paste", "wc")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        Path results = dir.resolve("results");
        SlurmCli.Result submitted = cli.run("submit", file.toString(), "--slurm", "--mode", "spread", "--results",
                results.toString(), "--sbatch", "--export=ALL,PATH=" + bin);
        assertEquals(0, submitted.exit(), submitted.output());
        cli.awaitEnd(cli.lastJob(results), 120);
        SlurmCli.Result status = cli.run("status", results.toString());
        assertEquals(1, status.exit(), status.output());
        assertTrue(status.output().contains("FAILED") && status.output().contains("3:0"), status.output());
        assertTrue(status.output().contains("missing on " + HOST) && status.output().contains("fio"), status.output());
        SlurmCli.Result collected = cli.run("collect", results.toString());
        assertEquals(1, collected.exit(), collected.output());
        assertTrue(collected.output().contains("FAILED") && collected.output().contains("NonZeroExitCode")
                && collected.output().contains("fio"), "a failed host is never silently missing: " + collected.output());
    }

    @Test
    void aMissingOrUnreachableSlurmIsOneLineAndExit3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, sweep(dir, "slurm-it", 1, ""));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        SlurmCli.Result missing = cli.run(Map.of("PATH", bin.toString()), "submit", file.toString(), "--slurm",
                "--results", dir.resolve("r").toString());
        assertEquals(3, missing.exit(), missing.output());
        assertEquals(1, missing.output().strip().lines().count(), missing.output());
        assertTrue(missing.output().startsWith("uringlab: Slurm not found: no sinfo on PATH"), missing.output());

        // A controller that does not answer: this cluster's config pointed at a port nobody listens on.
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, Files.readString(Path.of("/etc/slurm/slurm.conf")).replaceAll("(?m)^SlurmctldPort=.*$", "")
                + "\nSlurmctldPort=6999\n");
        SlurmCli.Result down = cli.run(Map.of("SLURM_CONF", conf.toString()), "submit", file.toString(), "--slurm",
                "--results", dir.resolve("r").toString());
        assertEquals(3, down.exit(), down.output());
        assertEquals(1, down.output().strip().lines().count(), down.output());
        assertTrue(down.output().contains("Slurm does not answer"), down.output());

        SlurmCli.Result feature = cli.run("submit", file.toString(), "--slurm", "--constraint", "nvme",
                "--results", dir.resolve("r").toString());
        assertEquals(2, feature.exit(), feature.output());
        assertTrue(feature.output().contains("no node has the feature 'nvme'"), feature.output());
    }

    private static long complete(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")
                    && Files.exists(p.resolve("run.json"))).count();
        }
    }

    private static long partials(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".partial-")).count();
        }
    }

    /** fio processes whose command line names this test's directory. */
    private static List<String> liveProcessesIn(Path dir) throws Exception {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (Exception e) {
                    return "";
                }
            }).filter(c -> c.contains(dir.toString()) && c.contains("fio")).toList();
        }
    }
}
