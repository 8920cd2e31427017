package dev.uringlab.orchestrator.config;

import dev.uringlab.orchestrator.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.uringlab.orchestrator.workload.WorkloadKinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes a new user makes, each one line with file:line:col and exit 2. */
class BadInputTest {

    private static final ExperimentLoader LOADER = new ExperimentLoader(Set.of("io_uring_enter"), WorkloadKinds.BUILT_IN);

    static String loadError(Path dir, byte[] bytes) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.write(file, bytes);
        return assertThrows(ConfigException.class, () -> LOADER.load(file, List.of(), List.of())).getMessage();
    }

    static String loadError(Path dir, String text) throws Exception {
        return loadError(dir, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTabInTheIndentationIsNamedWhereItIs(@TempDir Path dir) throws Exception {
        String msg = loadError(dir, "experiments:\n  - name: a\n  \tworkload: {kind: fio}\n");
        assertEquals(dir.resolve("e.yaml") + ":3:3: tab at 3:3; YAML indents with spaces", msg);
    }

    @Test
    void aFileThatIsNotUtf8NamesTheBadByte(@TempDir Path dir) throws Exception {
        byte[] latin1 = "experiments:\n  - name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String msg = loadError(dir, latin1);
        assertEquals(dir.resolve("e.yaml") + ":2:14: not UTF-8: byte 0xE9 at offset 26 (line 2, column 14); save the file"
                + " as UTF-8 (e.g. iconv -f latin1 -t utf-8)", msg);
    }

    @Test
    void mergeKeysAndAliasesAreResolvedWithWrittenKeysWinning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: a
                    workload: &base {kind: fio, runtime: 1, iodepth: 1}
                  - name: b
                    workload:
                      <<: *base
                      iodepth: 4
                  - name: c
                    workload: *base
                """);
        ExperimentFile f = LOADER.load(file, List.of(), List.of());
        assertEquals(1L, f.experiments().get(0).workload().options().get("iodepth"));
        assertEquals(4L, f.experiments().get(1).workload().options().get("iodepth"));
        assertEquals(1L, f.experiments().get(1).workload().options().get("runtime"));
        assertEquals(1L, f.experiments().get(2).workload().options().get("runtime"));
    }

    @Test
    void aMergeOfSomethingElseOrAnUnknownAliasIsOneLine(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("e.yaml") + ":4:7: merge key '<<' takes a mapping (<<: *name, with &name on a mapping) or a"
                + " list of them, not a string", loadError(dir, "experiments:\n  - name: a\n    workload:\n      <<: fio\n"));
        assertTrue(loadError(dir, "experiments:\n  - name: a\n    workload: *nope\n")
                .startsWith(dir.resolve("e.yaml") + ":3:15: "), "position of the alias");
    }

    @Test
    void aTargetOnProcIsRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("e.yaml") + ":4:32: target.path: '/proc/meminfo' is on the /proc pseudo file system, which"
                + " no block device backs; use a file on a disk or kind: scratch", loadError(dir,
                "experiments:\n  - name: a\n    workload: {kind: fio}\n    target: {kind: file, path: /proc/meminfo}\n"));
    }

    @Test
    void aMillionRunsAreCountedNotExpandedAndRefusedWithTheWayAround(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: big
                    workload: {kind: fio, runtime: 1}
                    sweep:
                      iodepth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                      bs: [4k, 8k, 16k, 32k, 64k, 128k, 256k, 512k, 1m, 2m]
                      numjobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                      rwmixread: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
                      runtime: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                      ramp_time: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
                """);
        ExperimentFile f = LOADER.load(file, List.of(), List.of());
        assertEquals(1_000_000, SweepSize.runs(f.experiments().get(0)));
        String msg = assertThrows(ConfigException.class, () -> SweepSize.check(f, SweepSize.DEFAULT_MAX_RUNS)).getMessage();
        assertEquals(file + ":2:5: experiment 'big' asks for 1,000,000 runs (10 iodepth x 10 bs x 10 numjobs x 10 rwmixread"
                + " x 10 runtime x 10 ramp_time), about 116.3 days at 10.1 s per run; more than 20,000 runs is refused as a"
                + " likely mistake: narrow the axes, or if you mean it, add --max-runs 1000000", msg);
        assertEquals(1_000_000, SweepSize.check(f, 1_000_000));

        // through the CLI: exit 2, one line, no stack trace, and fast (nothing was expanded)
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("plan", file.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(2, code);
        assertEquals("uringlab: " + msg + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void zippedAxesCountOnceAndRepetitionsMultiply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: z
                    repetitions: 3
                    workload: {kind: fio, runtime: 2}
                    sweep:
                      iodepth: [1, 2, 4]
                      bs: [4k, 8k, 16k]
                      cpus: [irq, non-irq]
                    zip: [[iodepth, bs]]
                """);
        ExperimentFile f = LOADER.load(file, List.of(), List.of());
        assertEquals(18, SweepSize.runs(f.experiments().get(0)));
        assertEquals("18 run(s), about 39s (workload time plus 0.05 s per run and 2.5 s per experiment; finished runs are skipped)", SweepSize.summary(f));
    }
}
