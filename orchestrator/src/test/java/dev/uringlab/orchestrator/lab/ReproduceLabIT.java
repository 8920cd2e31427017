package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.cli.Main;
import dev.uringlab.orchestrator.cli.SweepIT;
import dev.uringlab.orchestrator.host.CpuList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uringlab reproduce --lab one-queue} for real: ONE guest boot of the one-queue preset
 * runs the shipped single-queue claim (ringbench on the emulated NVMe, the block softirq counted
 * by tracepoint), and this host writes the summary with the guest labelled emulated. The claim
 * is the kernel's own rule (nr_hw_queues == 1 completes through BLOCK_SOFTIRQ), so its verdict
 * is asserted too, and where the softirq was raised: on the queue's interrupt CPU, never on the
 * CPUs that submitted.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES) // the guest's own --guest-timeout below ends a wedged guest first
class ReproduceLabIT {

    @Test
    void oneGuestRunsTheLabClaimAndThisHostSummarisesIt(@TempDir Path dir) throws Exception {
        LabPrerequisites.require();
        Path repo = LabPrerequisites.repo();
        Path claims = Files.createDirectories(dir.resolve("claims"));
        // The one-queue claim only: the suite's other files are the host's or another preset's.
        Files.copy(repo.resolve("experiments/claims/lab-one-queue.yaml"), claims.resolve("lab-one-queue.yaml"));
        Files.copy(repo.resolve("experiments/claims/coop-taskrun.yaml"), claims.resolve("coop-taskrun.yaml"));
        Path results = dir.resolve("results");
        long t0 = System.nanoTime();
        // The file's own 3 repetitions: with 2, Student's t has one degree of freedom (t = 12.7) and a
        // run-to-run spread of ~0.014 per I/O under TCG already straddles the bound (inconclusive).
        int code = Main.execute("reproduce", claims.toString(), "--lab", "one-queue", "--results", results.toString(),
                "--fail-on", "not-reproduced", "--guest-timeout", "1200");
        System.out.printf("ReproduceLabIT: reproduce --lab one-queue: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, code, "reproduce --lab one-queue (a lab failure is the lab: line above, with the guest's console "
                + "and kernel log under " + results.resolve("lab-one-queue/.lab") + ")");

        List<Map<String, String>> rows = SweepIT.readCsv(results.resolve("reproduce.csv"));
        assertEquals(1, rows.size(), "only the lab claim runs with --lab: " + rows);
        Map<String, String> row = rows.get(0);
        assertEquals("reproduced", row.get("verdict"), row.toString());
        assertTrue(row.get("host").matches("emulated lab guest one-queue \\(qemu-(tcg|kvm), Linux .+; counts real, timings not\\)"),
                row.get("host"));
        assertEquals("3", row.get("runs"));
        assertEquals("lab-one-queue/claim-lab-one-queue/report.html", row.get("report"));
        assertTrue(Files.isRegularFile(results.resolve(row.get("report"))), "the row's report link");
        assertTrue(Double.parseDouble(row.get("seconds")) > 0, "the claim file's time");
        String md = Files.readString(results.resolve("reproduce.md"));
        assertTrue(md.contains("hosts: emulated lab guest one-queue (qemu-"), md);

        List<Map<String, String>> runs = SweepIT.readCsv(results.resolve("lab-one-queue/claim-lab-one-queue/runs.csv"));
        assertEquals(3, runs.size());
        for (Map<String, String> run : runs) {
            assertEquals("ok", run.get("status"), run.toString());
            assertEquals("tracepoint", run.get("block_softirq_variant"));
            Set<Integer> submitters = Set.copyOf(CpuList.parse(run.get("cpus_resolved")));
            long raisedByIrqCpu = 0;
            for (Map.Entry<String, String> cell : run.entrySet()) {
                if (cell.getKey().startsWith("block_softirq[") && !cell.getValue().isBlank()) {
                    int cpu = Integer.parseInt(cell.getKey().replaceAll("\\D", ""));
                    long count = Long.parseLong(cell.getValue());
                    if (submitters.contains(cpu)) {
                        assertTrue(count < 0.01 * Double.parseDouble(run.get("total_ios")),
                                "block softirq raised on a submitting CPU " + cpu + ": " + run);
                    } else {
                        raisedByIrqCpu += count;
                    }
                }
            }
            assertTrue(raisedByIrqCpu > 0, "no block softirq on the interrupt CPU: " + run);
        }
        assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.info().command().orElse("")
                .contains("qemu-system")), "a QEMU guest outlived reproduce --lab");
    }
}
