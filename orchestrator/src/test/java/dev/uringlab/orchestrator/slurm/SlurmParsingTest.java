package dev.uringlab.orchestrator.slurm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slurm's answers as recorded from slurm-wlm 22.05.8 (Debian 12) on the local test cluster. */
class SlurmParsingTest {

    @Test
    void anArrayWithOneRunningTaskAndAPendingThrottledRange() throws IOException {
        List<SlurmJob> jobs = ShowJobParser.parse(golden("scontrol-show-job-22.05-pending.txt"));
        assertEquals(2, jobs.size());
        SlurmJob pending = jobs.get(0);
        assertEquals("15_1-2%1", pending.displayId());
        assertEquals("PENDING", pending.state());
        assertEquals("JobArrayTaskLimit", pending.reason());
        assertTrue(pending.covers(1) && pending.covers(2) && !pending.covers(0));
        assertFalse(pending.finished());
        SlurmJob running = jobs.get(1);
        assertEquals("16", running.jobId());
        assertEquals("15_0", running.displayId());
        assertEquals("RUNNING", running.state());
        assertEquals("vm", running.nodeList());
        assertEquals("/tmp/sl/f-15_0.out", running.stdOut());
    }

    @Test
    void failedTasksCarrySlurmsReasonAndTheExitCode() throws IOException {
        List<SlurmJob> jobs = ShowJobParser.parse(golden("scontrol-show-job-22.05-failed.txt"));
        assertEquals(List.of("15_2", "15_1", "15_0"), jobs.stream().map(SlurmJob::displayId).toList());
        for (SlurmJob j : jobs) {
            assertEquals("FAILED", j.state());
            assertEquals("NonZeroExitCode", j.reason());
            assertEquals("3:0", j.exitCode());
            assertTrue(j.failed());
        }
    }

    @Test
    void aValueWithSpacesEndsAtTheNextKey() {
        var f = ShowJobParser.fields("JobId=3 Command=/a dir/job.sh WorkDir=/tmp StdOut=/x y/%j.out Power=");
        assertEquals("/a dir/job.sh", f.get("Command"));
        assertEquals("/x y/%j.out", f.get("StdOut"));
        assertEquals("", f.get("Power"));
    }

    @Test
    void sinfoNodesWithTheirFeatures() throws IOException {
        List<SlurmClient.Node> nodes = SlurmClient.parseNodes(golden("sinfo-nodes-22.05.txt")
                + "nvme7|nvme,numa2|mixed\nnvme7|nvme,numa2|mixed\nlogin|(null)|down*\n");
        assertEquals(3, nodes.size(), "a node in two partitions is listed once");
        assertEquals(new SlurmClient.Node("vm", List.of("uringlab-local"), "idle"), nodes.get(0));
        assertEquals(List.of("nvme", "numa2"), nodes.get(1).features());
        assertEquals(List.of(), nodes.get(2).features());
    }

    @Test
    void spreadDealsUnfinishedRunsRoundRobinIntoDisjointTasks() {
        List<String> ids = List.of("a", "b", "c", "d", "e");
        assertEquals(List.of(List.of("a", "c", "e"), List.of("b", "d")), TaskSplit.split(ids, Set.of(), 2));
        assertEquals(List.of(List.of("b"), List.of("d"), List.of("e")), TaskSplit.split(ids, Set.of("a", "c"), 8),
                "never more tasks than runs left");
        assertEquals(List.of(), TaskSplit.split(ids, Set.copyOf(ids), 3));
    }

    @Test
    void fileSystemTypes() {
        assertFalse(SharedFs.classify("ext4").shared());
        assertFalse(SharedFs.classify("tmpfs").shared());
        assertTrue(SharedFs.classify("nfs4").shared() && SharedFs.classify("nfs4").known());
        assertTrue(SharedFs.classify("lustre").known());
        assertTrue(SharedFs.classify("fuse.sshfs").known());
        assertTrue(SharedFs.classify("weirdfs").shared() && !SharedFs.classify("weirdfs").known());
    }

    @Test
    void unreachableControllerMessagesAreRecognised() {
        assertTrue(SlurmTool.unreachable("slurm_load_partitions: Unable to contact slurm controller (connect failure)"));
        assertFalse(SlurmTool.unreachable("sbatch: error: Batch job submission failed: Invalid feature specification"));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = SlurmParsingTest.class.getResourceAsStream("/slurm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
