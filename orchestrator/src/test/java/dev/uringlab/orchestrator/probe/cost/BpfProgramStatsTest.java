package dev.uringlab.orchestrator.probe.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fdinfo recorded from a bpftrace 0.17 process on Linux 6.18 with kernel.bpf_stats_enabled=1. */
class BpfProgramStatsTest {

    static String resource(String name) throws IOException {
        try (InputStream in = BpfProgramStatsTest.class.getResourceAsStream("/bpf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesTheKernelsFdinfo() throws IOException {
        BpfProgramStats.Program p = BpfProgramStats.parse(resource("fdinfo-6.18-bpf-prog-fd11.txt"));
        assertEquals(new BpfProgramStats.Program(1378, 7270627, 103619), p);
    }

    @Test
    void anFdinfoWithoutProgIdIsNoProgram() {
        assertNull(BpfProgramStats.parse("pos:\t0\nflags:\t02\nmnt_id:\t15\n"));
    }

    @Test
    void readsOnlyTheProcesssBpfProgramFds(@TempDir Path proc) throws IOException {
        Path fd = Files.createDirectories(proc.resolve("4242/fd"));
        Path fdinfo = Files.createDirectories(proc.resolve("4242/fdinfo"));
        for (String n : new String[] {"11", "13", "15"}) {
            Files.createSymbolicLink(fd.resolve(n), Path.of("anon_inode:bpf-prog"));
            Files.writeString(fdinfo.resolve(n), resource("fdinfo-6.18-bpf-prog-fd" + n + ".txt"));
        }
        Files.createSymbolicLink(fd.resolve("12"), Path.of("anon_inode:[perf_event]"));
        Files.writeString(fdinfo.resolve("12"), "pos:\t0\nflags:\t02\n");
        Map<Integer, BpfProgramStats.Program> programs = BpfProgramStats.of(proc, 4242);
        assertEquals(java.util.Set.of(1378, 1379, 1380), programs.keySet());
        assertEquals(10757, programs.get(1380).runCount());
        assertTrue(BpfProgramStats.of(proc, 999).isEmpty(), "a process that is gone has no programs");
    }

    @Test
    void bpftoolNamesEachProgramsAttachPoint() throws IOException {
        var attached = AttachedPrograms.parse(resource("bpftool-7.1.0-perf-show.json"));
        assertEquals(3, attached.size());
        assertEquals(new AttachedPrograms.Attachment(4242, 10, 1378, "tracepoint", "io_uring_file_get"), attached.get(0));
        assertEquals("irq_handler_entry", attached.get(2).point());
        assertTrue(AttachedPrograms.parse("").isEmpty());
        assertEquals("kick_process", AttachedPrograms.parse(
                "[{\"pid\":1,\"fd\":3,\"prog_id\":9,\"fd_type\":\"kprobe\",\"func\":\"kick_process\",\"offset\":0}]").get(0).point());
    }
}
