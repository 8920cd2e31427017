package dev.uringlab.orchestrator.workload.fio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Failure reporting against the exact bytes fio 3.33 wrote on this project's lab machine. */
class FioRunnerTest {

    @TempDir
    Path run;

    @Test
    void prefixesTaskset() {
        FioJob job = FioJob.builder("/f").build();
        List<String> cmd = new FioRunner().command(job, "0-1", run);
        assertEquals(List.of("taskset", "-c", "0-1", "fio"), cmd.subList(0, 4));
        assertEquals("fio", new FioRunner().command(job, null, run).get(0));
        assertThrows(IllegalArgumentException.class, () -> new FioRunner().command(job, "0;rm", run));
    }

    @Test
    void unknownOptionIsReportedOnceVerbatim() throws IOException {
        Files.writeString(run.resolve(FioRunner.STDERR),
                "fio: unrecognized option '--bogus=1'\nfio: unrecognized option '--bogus=1'\n");
        assertEquals("fio failed (exit 1): fio: unrecognized option '--bogus=1' (full output in " + run + ")",
                FioRunner.failure(1, run));
    }

    @Test
    void ioErrorQuotesFioAndTheJobError() throws IOException {
        Files.writeString(run.resolve(FioRunner.STDERR),
                "fio: io_u error on file /s: Invalid argument: read offset=4047000, buflen=1000"
                        + "fio: io_u error on file /s: Invalid argument: read offset=4047000, buflen=1000");
        Files.writeString(run.resolve(FioRunner.JSON),
                "{\"jobs\":[{\"jobname\":\"uringlab\",\"error\":22}]}");
        assertEquals("fio failed (exit 1): fio: io_u error on file /s: Invalid argument: read offset=4047000, "
                + "buflen=1000 [fio job 'uringlab' (1 of 1) failed with error 22 (Invalid argument)] "
                + "(full output in " + run + ")", FioRunner.failure(1, run));
    }

    @Test
    void shellLineQuotesOnlyWhatNeedsIt() {
        assertEquals("taskset -c 0 fio '--filename=/a b' '--x=it'\\''s'",
                FioRunner.shellLine(List.of("taskset", "-c", "0", "fio", "--filename=/a b", "--x=it's")));
    }
}
