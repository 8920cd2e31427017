package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.testing.HostCapability;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * probe_scope: workload for real, with both backends: a background io_uring reader runs beside the
 * measured one; system-wide counts include it, workload-scoped counts are exactly the workload's
 * (one io_uring_file_get per IO, one ring), while device IRQs stay system-wide in both.
 */
class ProbeScopeIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpftrace", "bcc"})
    void workloadScopeCountsOnlyTheWorkload(String backend, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("scope.yaml");
        Files.writeString(file, """
                defaults:
                  target: {kind: scratch, path: %s, size: 64m}
                  workload: {kind: fio, iodepth: 4, runtime: 2}
                  cpus: "1"
                  backend: %s
                  background:
                    - {kind: fio, rw: randread, iodepth: 4, cpus: "0"}
                  probes: [fget, ring_flags, irq_per_cpu]
                experiments:
                  - name: system
                    probe_scope: system
                  - name: workload
                    probe_scope: workload
                """.formatted(dir.resolve("scratch.dat"), backend));
        Path results = dir.resolve("results");
        HostCapability.either("cgroup v2", WorkloadCgroup.mount(HostFs.real()).isPresent(), () -> {
            assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));
            Map<String, String> system = SweepIT.readCsv(results.resolve("system/runs.csv")).get(0);
            Map<String, String> scoped = SweepIT.readCsv(results.resolve("workload/runs.csv")).get(0);

            assertTrue(Double.parseDouble(system.get("fget_per_io")) > 1.5,
                    "system-wide: the background reader's file lookups count too: " + system.get("fget_per_io"));
            assertEquals(1.0, Double.parseDouble(scoped.get("fget_per_io")), 0.01, "only the workload's lookups");
            assertEquals("1", scoped.get("ring_flags"), "only the workload's ring");
            assertTrue(Long.parseLong(scoped.get("irq_per_cpu")) > 0, "device IRQs are counted system-wide in both");
            String manifest = Files.readString(results.resolve("workload/manifest.json"));
            assertTrue(manifest.contains("\"probe_scope\" : \"workload\""), manifest);
        }, () -> {
            assertEquals(ExitCodes.FAILURE, Main.execute("run", file.toString(), "--results", results.toString()),
                    "a scope that cannot be kept is not a success");
            Map<String, String> scoped = SweepIT.readCsv(results.resolve("workload/runs.csv")).get(0);
            assertEquals("failed", scoped.get("status"), scoped.toString());
            assertTrue(scoped.get("error").contains("probe_scope: workload needs a cgroup v2 hierarchy"), scoped.toString());
            assertEquals("ok", SweepIT.readCsv(results.resolve("system/runs.csv")).get(0).get("status"),
                    "the system-scoped experiment does not need cgroups");
        });
    }
}
