package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A host setting swept for real: each run of a command workload reads CPU 0's idle latency limit
 * while it runs. The "0" runs see n/a, the "leave" runs the host's value, and after every run,
 * and after the sweep, the host holds its own value again.
 */
class SweptHostIT {

    private static final String LIMIT = "/sys/devices/system/cpu/cpu0/power/pm_qos_resume_latency_us";

    @Test
    void idleLatencyIsAppliedForItsRunsOnlyAndRestoredAfterEach(@TempDir Path dir) throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.require(!CpuIdle.driver(HostFs.real()).equals("none"), "a cpuidle driver (the lab VM: haltpoll)");
        String hostValue = Files.readString(Path.of(LIMIT)).strip();
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
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));

        Path exp = results.resolve("it-swept-host");
        List<Map<String, String>> rows = SweepIT.readCsv(exp.resolve("runs.csv"));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            String seen = Files.readString(exp.resolve("runs").resolve(row.get("run_id")).resolve("limit.txt")).strip();
            String swept = row.get("host.max_idle_latency_us");
            assertEquals(swept.equals("0") ? "n/a" : hostValue, seen, "during the run with " + swept);
        }
        assertEquals(hostValue, Files.readString(Path.of(LIMIT)).strip(), "restored after the sweep");
    }
}
