package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.testing.HostCapability;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host setting swept for real: each run of a command workload reads CPU 0's idle latency limit
 * while it runs. The "0" runs see n/a, the "leave" runs the host's value, and after every run,
 * and after the sweep, the host holds its own value again. On a host without a cpuidle driver, where
 * the limit would change nothing, the sweep is refused before its first run and nothing is changed.
 */
class SweptHostIT {

    private static final String LIMIT = "/sys/devices/system/cpu/cpu0/power/pm_qos_resume_latency_us";

    @Test
    void idleLatencyIsAppliedForItsRunsOnlyAndRestoredAfterEach(@TempDir Path dir) throws Exception {
        Prerequisites.requireRoot();
        String hostValue = limitNow();
        Path file = dir.resolve("it.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-swept-host
                    target: {kind: scratch, path: %s, size: 1m}
                    workload:
                      kind: command
                      program: sh
                      args: ["-c", "cat %s > {run_dir}/limit.txt"]
                    sweep:
                      host.max_idle_latency_us: [0, leave]
                      cpus: ["0", "1"]
                    zip: [[host.max_idle_latency_us, cpus]]
                """.formatted(dir.resolve("scratch.dat"), LIMIT));
        Path results = dir.resolve("results");
        Path exp = results.resolve("it-swept-host");
        String driver = CpuIdle.driver(HostFs.real());
        HostCapability.either("cpuidle driver (" + driver + ")", !driver.equals("none"), () -> {
            assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));
            List<Map<String, String>> rows = SweepIT.readCsv(exp.resolve("runs.csv"));
            assertEquals(2, rows.size());
            for (Map<String, String> row : rows) {
                assertEquals("ok", row.get("status"), row.toString());
                String seen = Files.readString(exp.resolve("runs").resolve(row.get("run_id")).resolve("limit.txt")).strip();
                String swept = row.get("host.max_idle_latency_us");
                assertEquals(swept.equals("0") ? "n/a" : hostValue, seen, "during the run with " + swept);
            }
        }, () -> {
            CliErrorsTest.Outcome refused = CliErrorsTest.run("run", file.toString(), "--results", results.toString());
            assertEquals(ExitCodes.USAGE, refused.code(), refused.err());
            assertTrue(refused.err().contains("this host has no cpuidle driver"), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), "one line, no stack trace: " + refused.err());
            assertFalse(Files.exists(exp.resolve("runs.csv")), "no run may start on a refused sweep");
        });
        assertEquals(hostValue, limitNow(), "the host's own limit afterwards");
    }

    /** The kernel exposes the limit for every CPU device, with or without a cpuidle driver; "absent" if it does not. */
    private static String limitNow() throws Exception {
        return Files.exists(Path.of(LIMIT)) ? Files.readString(Path.of(LIMIT)).strip() : "absent";
    }
}
