package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.process.SweepMarker;
import dev.uringlab.orchestrator.testing.HostCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real leftover: a marked process of a sweep that died, inside the workload cgroup v2 it was
 * measured in. The next sweep's clean-up stops the process and removes the then empty cgroup.
 * Where cgroup v2 is not mounted or not writable no workload cgroup can exist, and what the
 * product promises there is the refusal of probe_scope: workload, with what to do instead.
 *
 * <p>Not under the host lock, which {@code run} holds when it calls the clean-up: on a shared
 * machine it would refuse someone's sweep, and all this test leaves or finds is its own (an owner
 * pid above pid_max, a cgroup named after this JVM) or a dead sweep's, which any sweep removes.
 */
class LeftoversIT {

    @TempDir
    Path dir;

    @Test
    void aDeadSweepsProcessAndItsCgroupAreCleanedUp() throws Exception {
        HostFs fs = HostFs.real();
        WorkloadCgroup cgroup = null;
        HostException refused = null;
        try {
            cgroup = WorkloadCgroup.create(fs, "leftovers-it-" + ProcessHandle.current().pid());
        } catch (HostException e) {
            refused = e;
        }
        WorkloadCgroup made = cgroup;
        HostException refusal = refused;
        HostCapability.either("writable cgroup v2", made != null, () -> cleanUp(fs, made.dir()), () -> {
            String m = refusal.getMessage();
            assertTrue(m.startsWith("probe_scope: workload needs a cgroup v2 hierarchy, and none is mounted")
                    || m.startsWith("cannot create the workload cgroup ") && m.endsWith("(needs root; or use probe_scope: system)"),
                    m);
        });
    }

    private void cleanUp(HostFs fs, Path cgroup) throws Exception {
        ProcessBuilder b = new ProcessBuilder("sleep", "300");
        b.environment().put(SweepMarker.NAME, "4194300:1"); // an owner that cannot be alive: pid above pid_max
        Process left = b.start();
        try {
            Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(left.pid()), StandardCharsets.UTF_8);
            assertTrue(Files.readString(cgroup.resolve("cgroup.procs")).contains(Long.toString(left.pid())));
            // Older than the grace period, as a dead sweep's cgroup is by the time anyone looks.
            Files.setLastModifiedTime(cgroup, FileTime.from(Instant.now().minusSeconds(120)));

            Leftovers.Report report = new Leftovers(fs).clean(Optional.empty(), dir.resolve("results"));
            System.out.println("cleaned: " + report.cleaned() + "\nrefusals: " + report.refusals());

            assertTrue(report.cleaned().contains("sleep (pid " + left.pid() + ") left by uringlab pid 4194300, which died:"
                    + " stopped"), report.toString());
            assertTrue(report.cleaned().contains("workload cgroup " + cgroup + ": removed"), report.toString());
            assertTrue(left.waitFor(5, TimeUnit.SECONDS));
            assertFalse(Files.exists(cgroup));
        } finally {
            left.destroyForcibly();
            left.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(cgroup);
        }
    }
}
