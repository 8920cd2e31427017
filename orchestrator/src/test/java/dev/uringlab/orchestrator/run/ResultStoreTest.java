package dev.uringlab.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.RunsCsvWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv after every run, from the runs the sweep committed, identical to a rewrite from disk. */
class ResultStoreTest {

    @TempDir
    Path tmp;

    private static RunRecord run(int i) {
        return new RunRecord("exp", "run-" + i, i, 1, RunRecord.OK, null, Map.of("iodepth", (Object) (long) (1 << i)), "irq",
                "1", "scratch", Map.of("fget", "tracepoint"), Map.of("iops", 1000.5 * i, "total_ios", 3000.0 * i),
                Map.of("fget", Map.of("1", 2999L * i, "0", (long) i)), "2026-11-28T18:00:0" + i + ".123Z", 3.3, 3.2);
    }

    @Test
    void runsCsvAfterEachRunIsWhatARewriteFromEveryRunJsonWouldBe() throws Exception {
        ResultStore store = new ResultStore(tmp, "exp");
        List<String> ids = List.of("run-1", "run-2", "run-3");
        for (int i = 1; i <= 3; i++) {
            store.commit(store.begin("run-" + i), run(i));
            store.updateRunsCsv("run-" + i, ids);
            List<RunRecord> fromDisk = new ArrayList<>();
            for (String id : ids) {
                Path json = store.runDir(id).resolve("run.json");
                if (Files.exists(json)) {
                    fromDisk.add(RunRecordJson.read(json));
                }
            }
            assertEquals(RunsCsvWriter.write(fromDisk), Files.readString(store.experimentDir().resolve("runs.csv")),
                    "after run " + i);
        }
    }

    @Test
    void aRunCommittedAgainReplacesItsRow() throws Exception {
        ResultStore store = new ResultStore(tmp, "exp");
        store.commit(store.begin("run-1"), run(1));
        store.writeRunsCsv(List.of("run-1"));
        RunRecord again = run(2);
        again = new RunRecord("exp", "run-1", 1, 1, RunRecord.FAILED, "boom", again.params(), "irq", "1", "scratch",
                Map.of(), Map.of(), Map.of(), again.startedAt(), 1.0, 0.5);
        store.commit(store.begin("run-1"), again);
        store.updateRunsCsv("run-1", List.of("run-1"));
        assertEquals(RunsCsvWriter.write(List.of(RunRecordJson.read(store.runDir("run-1").resolve("run.json")))),
                Files.readString(store.experimentDir().resolve("runs.csv")));
        assertEquals("boom", store.stored("run-1").orElseThrow().error());
    }

    private static RunRecord withCounts(int i, Map<String, Map<String, Long>> counts) {
        RunRecord r = run(i);
        return new RunRecord("exp", r.runId(), i, 1, RunRecord.OK, null, r.params(), "irq", "1", "scratch",
                Map.of("fget", "tracepoint"), r.metrics(), counts, r.startedAt(), 3.3, 3.2);
    }

    private Object fileKey(ResultStore store) throws Exception {
        return Files.readAttributes(store.experimentDir().resolve("runs.csv"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private String fromDisk(ResultStore store, List<String> ids) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (String id : ids) {
            Path json = store.runDir(id).resolve("run.json");
            if (Files.exists(json)) {
                runs.add(RunRecordJson.read(json));
            }
        }
        return RunsCsvWriter.write(runs);
    }

    @Test
    void aRowThatFitsIsAppendedAndANewColumnRewritesTheFileAsARewriteWouldBe() throws Exception {
        ResultStore store = new ResultStore(tmp, "exp");
        List<String> ids = List.of("run-1", "run-2", "run-3", "run-4");
        store.commit(store.begin("run-1"), withCounts(1, Map.of("fget", Map.of("0", 5L, "1", 7L))));
        store.updateRunsCsv("run-1", ids);
        Object first = fileKey(store);

        store.commit(store.begin("run-2"), withCounts(2, Map.of("fget", Map.of("1", 9L))));
        store.updateRunsCsv("run-2", ids);
        assertEquals(first, fileKey(store), "a row with known columns is appended in place");
        assertEquals(fromDisk(store, ids), Files.readString(store.experimentDir().resolve("runs.csv")));

        store.commit(store.begin("run-3"), withCounts(3, Map.of("fget", Map.of("2", 1L))));
        store.updateRunsCsv("run-3", ids);
        assertNotEquals(first, fileKey(store), "a new per-CPU column rewrites the file");
        assertEquals(fromDisk(store, ids), Files.readString(store.experimentDir().resolve("runs.csv")));

        // Someone rewrote the file meanwhile (uringlab plot): the next row must not be appended to theirs.
        Files.writeString(store.experimentDir().resolve("runs.csv"), "experiment,run_id\n");
        store.commit(store.begin("run-4"), withCounts(4, Map.of("fget", Map.of("0", 1L))));
        store.updateRunsCsv("run-4", ids);
        assertEquals(fromDisk(store, ids), Files.readString(store.experimentDir().resolve("runs.csv")));
    }

    @Test
    void aRunBeforeTheLastWrittenRowRewritesSoPlanOrderHolds() throws Exception {
        ResultStore store = new ResultStore(tmp, "exp");
        List<String> ids = List.of("run-1", "run-2", "run-3");
        store.commit(store.begin("run-3"), withCounts(3, Map.of("fget", Map.of("0", 1L))));
        store.updateRunsCsv("run-3", ids);
        store.commit(store.begin("run-1"), withCounts(1, Map.of("fget", Map.of("0", 2L))));
        store.updateRunsCsv("run-1", ids);
        String csv = Files.readString(store.experimentDir().resolve("runs.csv"));
        assertEquals(fromDisk(store, ids), csv);
        assertTrue(csv.indexOf("run-1") < csv.indexOf("run-3"), csv);
    }
}
