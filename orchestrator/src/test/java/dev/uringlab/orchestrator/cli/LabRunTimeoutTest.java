package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** lab run's bound on a guest: the default for a small sweep, grown from the estimate for a long one. */
class LabRunTimeoutTest {

    private static final ExperimentLoader LOADER = new ExperimentLoader(Set.of(), WorkloadKinds.BUILT_IN);

    private static Duration bound(String yaml) throws Exception {
        ExperimentFile file = LOADER.parse(Path.of("e.yaml"), yaml, List.of(), List.of());
        return LabRunCommand.guestTimeout(file);
    }

    @Test
    void aSmallSweepGetsTheDefaultHour() throws Exception {
        assertEquals(Duration.ofSeconds(GuestOptions.DEFAULT_GUEST_TIMEOUT), bound(
                "experiments:\n  - name: a\n    workload: {kind: fio, runtime: 3}\n    sweep: {iodepth: [1, 16]}\n"));
    }

    @Test
    void aLongSweepGetsThreeTimesItsEstimatePlusStartUpCosts() throws Exception {
        // 4 x 3 runs of 300 s: 1800 + 12 x (3 x 300.05 + 20) = 12841.8 s
        assertEquals(Duration.ofSeconds(12841), bound("experiments:\n  - name: a\n    repetitions: 3\n"
                + "    workload: {kind: fio, runtime: 300}\n    sweep: {iodepth: [1, 4, 16, 64]}\n"));
    }
}
