package dev.uringlab.analysis.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FioErrorsTest {

    @Test
    void splitsMessagesFioGluedTogetherAndDropsRepeats() {
        // Verbatim fio 3.33 stderr for an unaligned O_DIRECT read: the same line twice, no newline.
        String stderr = "fio: io_u error on file /tmp/s: Invalid argument: read offset=4047000, buflen=1000"
                + "fio: io_u error on file /tmp/s: Invalid argument: read offset=4047000, buflen=1000";
        assertEquals(List.of("fio: io_u error on file /tmp/s: Invalid argument: read offset=4047000, buflen=1000"),
                FioErrors.messages(stderr));
    }

    @Test
    void ignoresNonFioLines() {
        assertEquals(List.of("fio: unrecognized option '--bogus=1'"),
                FioErrors.messages("note: x\nfio: unrecognized option '--bogus=1'\n{\n"));
    }

    @Test
    void describesErrno() {
        assertEquals("22 (Invalid argument)", FioErrors.describeErrno(22));
        assertEquals("4242", FioErrors.describeErrno(4242));
    }
}
