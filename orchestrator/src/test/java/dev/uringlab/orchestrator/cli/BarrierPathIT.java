package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import dev.uringlab.orchestrator.window.BarrierHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fio hands exec_prerun/exec_postrun to sh, so the barrier helper's path and its socket's path are
 * words of a shell command. Here both live in a directory whose name holds a space and a quote (the
 * helper as a checkout there would have it, the socket through java.io.tmpdir): a real fio run must
 * still open and close its I/O window.
 */
class BarrierPathIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        Prerequisites.require(BarrierHelper.locate().isPresent(),
                BarrierHelper.NAME + " not built beside ringbench (make -C workloads/ringbench; make test builds it)");
    }

    @Test
    void aRealFioRunOpensItsWindowFromADirectoryWithASpaceAndAQuote() throws Exception {
        // Short, under /tmp: a unix socket path holds at most 107 bytes.
        Path odd = Files.createTempDirectory(Path.of("/tmp"), "u l'q");
        try {
            Path helper = Files.copy(BarrierHelper.locate().orElseThrow(), odd.resolve(BarrierHelper.NAME),
                    StandardCopyOption.COPY_ATTRIBUTES);
            Path file = odd.resolve("e.yaml");
            Files.writeString(file, """
                    experiments:
                      - name: it-path
                        target: {kind: scratch, path: %s, size: 64m}
                        workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 4, runtime: 1}
                        probes: [io_uring_enter]
                    """.formatted(odd.resolve("scratch.dat")));
            Path results = odd.resolve("results");
            int code = -1;
            String log = "";
            for (int attempt = 0; attempt < 10; attempt++) {
                String java = ProcessHandle.current().info().command().orElse("java");
                String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                ProcessBuilder b = new ProcessBuilder(java, "-Djava.io.tmpdir=" + odd, "-cp", cp, Main.class.getName(),
                        "run", file.toString(), "--results", results.toString()).redirectErrorStream(true);
                b.environment().put("URINGLAB_BARRIER", helper.toString());
                Process p = b.start();
                log = new String(p.getInputStream().readAllBytes());
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                code = p.exitValue();
                if (code == 0 || !log.contains("another sweep is running on this host")) {
                    break;
                }
                Thread.sleep(15_000); // someone else's sweep holds the host lock: wait our turn
            }
            System.out.println(log);
            assertEquals(0, code, log);
            Map<String, String> row = SweepIT.readCsv(results.resolve("it-path/runs.csv")).get(0);
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), "fio's exec_prerun reached the socket: " + row);
            assertTrue(Double.parseDouble(row.get("io_uring_enter")) > 0, row.toString());
        } finally {
            try (var walk = Files.walk(odd)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
