package dev.uringlab.analysis.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Goldens were recorded from the real bpftrace 0.17 on the lab VM (Linux 6.18) with fio io_uring load. */
class BpftraceJsonParserTest {

    private static String golden(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/bpftrace/" + name);
    }

    @Test
    void readsPerCpuAndScalarKeyedMaps() throws IOException {
        BpftraceMaps maps = BpftraceJsonParser.parse(golden("bpftrace-0.17-counts.ndjson"));
        assertEquals(Map.of("0", 87722L), maps.map("@io_uring_enter"));
        assertEquals(Map.of("1", 5279L), maps.map("@irq_per_cpu"));
        assertEquals(Map.of("12552", 1L), maps.map("@ring_flags"));
        assertEquals(Map.of("1,RA", 659L, "0,RS", 82569L), maps.map("@multi_key"));
        assertFalse(maps.maps().containsKey("attached_probes"));
    }

    @Test
    void sumsRepeatedKsymKeys() throws IOException {
        // bpftrace prints "wakeup_preempt" twice: two return addresses in one function.
        BpftraceMaps maps = BpftraceJsonParser.parse(golden("bpftrace-0.17-counts.ndjson"));
        assertEquals(4L, maps.map("@kick_process_callsite").get("wakeup_preempt"));
        assertEquals(5131L, maps.map("@ipi_by_callsite").get("ttwu_queue_wakelist"));
    }

    @Test
    void readsHistogramsStatsAndStackKeys() throws IOException {
        BpftraceMaps maps = BpftraceJsonParser.parse(golden("bpftrace-0.17-shapes.ndjson"));
        assertEquals(74538L, maps.map("@bio_size").get("[4096, 8191]"));
        assertEquals(Map.of("count", 83835L, "average", 0L, "total", 74538L), maps.map("@enter_stats"));
        assertEquals(Map.of("", 83835L), maps.map("@enter_total"));
        assertEquals(2, maps.map("@stack_test").size());
        assertTrue(maps.map("@stack_test").keySet().stream().allMatch(k -> k.contains("sysvec_reschedule_ipi+138")));
    }

    @Test
    void readsKeyedAndOpenEndedHistograms() throws IOException {
        BpftraceMaps maps = BpftraceJsonParser.parse(golden("bpftrace-0.17-hist.ndjson"));
        assertEquals(13685L, maps.map("@keyed_hist").get("1,[4096, 8191]"));
        assertEquals(16487L, maps.map("@edge_lhist").get("[-inf, 8191]"));
        assertEquals(86L, maps.map("@edge_lhist").get("[16384, inf]"));
        assertEquals(Map.of("", 8216L), maps.map("@avg_bytes"));
        assertEquals(Map.of("-11", 16578L), maps.map("@neg"));
    }

    @Test
    void attachFailureOutputHasNoMaps() throws IOException {
        assertTrue(BpftraceJsonParser.parse(golden("bpftrace-0.17-attach-failed.ndjson")).maps().isEmpty());
    }

    @Test
    void lastPrintOfAMapWins() {
        String ndjson = "{\"type\": \"map\", \"data\": {\"@x\": {\"0\": 1}}}\n"
                + "{\"type\": \"map\", \"data\": {\"@x\": {\"0\": 5}}}\n";
        assertEquals(Map.of("0", 5L), BpftraceJsonParser.parse(ndjson).map("@x"));
    }

    @Test
    void malformedLineNamesItsNumber() {
        String ndjson = "{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}\n\n{\"type\": \"map\", \"data\": {\"@x\": ";
        BpftraceJsonException e = assertThrows(BpftraceJsonException.class, () -> BpftraceJsonParser.parse(ndjson));
        assertTrue(e.getMessage().startsWith("bpftrace output line 3:"), e.getMessage());
        assertThrows(BpftraceJsonException.class, () -> BpftraceJsonParser.parse("Attaching 1 probe..."));
    }

    @Test
    void groupsMapsByProbeWithSuffixPrefix() throws IOException {
        BpftraceMaps maps = BpftraceJsonParser.parse(golden("bpftrace-0.17-counts.ndjson"));
        Map<String, Map<String, Long>> byProbe = maps.byProbe(List.of("kick_process", "fget", "io_issue_sqe", "io_uring_enter"));
        assertEquals(4L, byProbe.get("kick_process").get("callsite:wakeup_preempt"));
        assertEquals(Map.of("0", 82569L), byProbe.get("fget"));
        assertEquals(Map.of(), byProbe.get("io_issue_sqe"));
        assertEquals(Map.of("0", 87722L), byProbe.get("io_uring_enter"));
    }

    @Test
    void longestProbeIdWinsForSharedPrefixes() {
        BpftraceMaps maps = new BpftraceMaps(Map.of("@io_uring_enter", Map.of("0", 3L), "@io_uring_x", Map.of("", 1L)));
        Map<String, Map<String, Long>> byProbe = maps.byProbe(List.of("io_uring", "io_uring_enter"));
        assertEquals(Map.of("0", 3L), byProbe.get("io_uring_enter"));
        assertEquals(Map.of("x:", 1L), byProbe.get("io_uring"));
    }

    /** The golden: one program, SIGUSR1, ten 4 KiB direct reads, SIGUSR1, SIGINT; @zz_end closes every dump. */
    private static List<BpftraceMaps> dumps() throws IOException {
        List<BpftraceMaps> dumps = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : golden("bpftrace-0.17-sigusr1-dumps.ndjson").split("\n")) {
            current.append(line).append('\n');
            if (line.contains("\"@zz_end\"")) {
                dumps.add(BpftraceJsonParser.parse(current.toString()));
                current.setLength(0);
            }
        }
        return dumps;
    }

    @Test
    void twoDumpsOfOneRunGiveWhatWasCountedBetweenThem() throws IOException {
        List<BpftraceMaps> dumps = dumps();
        assertEquals(3, dumps.size());
        BpftraceMaps between = dumps.get(1).minus(dumps.get(0));
        assertEquals(Map.of("1", 19L, "0", 19L), between.map("@b_timer"));
        assertEquals(Map.of("[4096, 8191]", 11L, "[16384, 32767]", 1L, "[65536, 131071]", 1L), between.map("@h"),
                "zero buckets are dropped like maps that never fired");
        assertFalse(between.maps().containsKey("@zz_end"), "a constant map counted nothing in between");
        assertEquals(Map.of("1", 4L, "0", 7L), dumps.get(2).minus(dumps.get(1)).map("@b_timer"));
    }

    @Test
    void dumpsOfDifferentRunsAreRefused() throws IOException {
        List<BpftraceMaps> dumps = dumps();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dumps.get(0).minus(dumps.get(1)));
        assertTrue(e.getMessage().contains("not two dumps of one program run"), e.getMessage());
    }
}
