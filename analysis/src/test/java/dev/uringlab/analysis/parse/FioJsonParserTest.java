package dev.uringlab.analysis.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.analysis.model.Metrics;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FioJsonParserTest {

    /** Every golden with a .expected file: the whole parsed Metrics must match, no more, no less. */
    @ParameterizedTest
    @ValueSource(strings = {
            "fio-3.33-io_uring-randread", "fio-3.33-psync-randread", "fio-3.33-libaio-randread",
            "fio-3.33-io_uring-randrw", "fio-3.33-numjobs2", "fio-3.33-numjobs2-group",
            "fio-3.33-lat-percentiles", "fio-3.33-randrw-jsonplus", "fio-3.33-numjobs2-jsonplus",
            "fio-3.33-randread-jsonplus", "fio-3.33-unified-both", "fio-3.33-sync-note-prefix",
            "fio-3.33-sqpoll-clat-bug",
            "handmade-fio-3.1-no-bw_bytes", "handmade-fio-2.21-usec", "handmade-warnings-around"})
    void goldenMatchesExpected(String name) throws Exception {
        Metrics parsed = FioJsonParser.parse(resource(name + ".json"), name + ".json");
        Map<String, Double> expected = expected(name + ".expected");
        assertEquals(expected.keySet(), new TreeMap<>(parsed.asMap()).keySet(), name + ": metric names");
        expected.forEach((key, want) -> {
            double got = parsed.asMap().get(key);
            assertEquals(want, got, Math.abs(want) * 1e-9 + 1e-12, name + ": " + key);
        });
    }

    @Test
    void singleJobPercentilesAreFiosOwnNumbers() throws Exception {
        Metrics m = FioJsonParser.parse(resource("fio-3.33-io_uring-randread.json"), "g");
        JsonNode pct = new ObjectMapper().readTree(resource("fio-3.33-io_uring-randread.json"))
                .at("/jobs/0/read/clat_ns/percentile");
        assertEquals(pct.get("99.900000").asDouble() / 1000, m.getOr("clat_p99_9_us", -1));
        assertEquals(pct.get("50.000000").asDouble() / 1000, m.getOr("clat_p50_us", -1));
    }

    @Test
    void binsReproduceFiosPercentilesExactly() throws Exception {
        // Same walk fio does over the same bins: merging bins is then exact for several jobs too.
        String text = resource("fio-3.33-randread-jsonplus.json");
        Metrics m = FioJsonParser.parse(text, "g");
        JsonNode pct = new ObjectMapper().readTree(text).at("/jobs/0/read/clat_ns/percentile");
        assertEquals(pct.get("95.000000").asDouble() / 1000, m.getOr("clat_p95_us", -1));
    }

    @Test
    void groupReportingAndSeparateJobsAgreeOnCpuSemantics() throws Exception {
        // Both are "percent of one CPU per job"; grouped output is fio's runtime-weighted mean.
        Metrics m = FioJsonParser.parse(resource("fio-3.33-numjobs2.json"), "g");
        assertTrue(m.getOr(Metrics.SYS_CPU_PCT, -1) <= 100.0);
    }

    @Test
    void unifiedBothCountsMixedOnce() throws Exception {
        String text = resource("fio-3.33-unified-both.json");
        JsonNode job = new ObjectMapper().readTree(text).at("/jobs/0");
        Metrics m = FioJsonParser.parse(text, "g");
        assertEquals(job.at("/mixed/total_ios").asDouble(), m.getOr(Metrics.TOTAL_IOS, -1));
        assertEquals(job.at("/read/total_ios").asDouble() + job.at("/write/total_ios").asDouble(),
                m.getOr(Metrics.TOTAL_IOS, -1));
    }

    @Test
    void latPercentilesOnlyWhenFioComputedThem() throws Exception {
        Metrics without = FioJsonParser.parse(resource("fio-3.33-io_uring-randread.json"), "g");
        assertFalse(without.asMap().containsKey("lat_p99_us"));
        assertTrue(without.asMap().containsKey("lat_mean_us"));
        Metrics with = FioJsonParser.parse(resource("fio-3.33-lat-percentiles.json"), "g");
        assertTrue(with.getOr("lat_p99_us", 0) >= with.getOr("clat_p99_us", 0) * 0.9);
    }

    @Test
    void sqpollClatIsDroppedOnlyForFioBefore336() throws Exception {
        String text = resource("fio-3.33-sqpoll-clat-bug.json");
        Metrics old = FioJsonParser.parse(text, "g");
        assertFalse(old.asMap().containsKey("clat_mean_us"));
        assertTrue(old.getOr("lat_mean_us", 0) > 0);
        Metrics fixed = FioJsonParser.parse(text.replace("\"fio-3.33\"", "\"fio-3.36\""), "g");
        assertTrue(fixed.asMap().containsKey("clat_p99_us"));
    }

    @Test
    void failedJobNamesJobAndQuotesFio() throws Exception {
        ParseException e = assertThrows(ParseException.class,
                () -> FioJsonParser.parse(resource("fio-3.33-error-unaligned.json"), "runs/x/fio.json"));
        assertEquals("runs/x/fio.json: fio job 'uringlab' (1 of 1) failed with error 22 (Invalid argument): "
                + "fio: pid=4625, err=22/file:io_u.c:1876, func=io_u error, error=Invalid argument", e.getMessage());
    }

    @Test
    void failedJobWithoutFioLineStillNamesErrno() throws Exception {
        String raw = resource("fio-3.33-error-unaligned.json");
        String json = raw.substring(raw.indexOf('{'));
        ParseException e = assertThrows(ParseException.class, () -> FioJsonParser.parse(json, "f.json"));
        assertEquals("f.json: fio job 'uringlab' (1 of 1) failed with error 22 (Invalid argument)", e.getMessage());
    }

    @Test
    void truncatedJsonNamesFileAndLine() throws Exception {
        String text = "note: something\n" + resource("fio-3.33-psync-randread.json").substring(0, 400);
        ParseException e = assertThrows(ParseException.class, () -> FioJsonParser.parse(text, "fio.json"));
        assertTrue(e.getMessage().matches("fio\\.json:\\d+: not valid fio JSON: .*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void noJsonQuotesFiosMessages() {
        ParseException e = assertThrows(ParseException.class, () -> FioJsonParser.parse(
                "fio: unrecognized option '--bogus=1'\nfio: unrecognized option '--bogus=1'\n", "out"));
        assertEquals("out: no fio JSON report found; fio said: fio: unrecognized option '--bogus=1'", e.getMessage());
        ParseException empty = assertThrows(ParseException.class, () -> FioJsonParser.parse("", "out"));
        assertEquals("out: no fio JSON report found (file is empty or not fio output)", empty.getMessage());
    }

    @Test
    void jsonWithoutJobsIsRefused() {
        ParseException e = assertThrows(ParseException.class,
                () -> FioJsonParser.parse("{\"fio version\":\"fio-3.33\",\"jobs\":[]}", "x.json"));
        assertEquals("x.json: fio JSON has no \"jobs\" (fio version fio-3.33)", e.getMessage());
    }

    static String resource(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/fio/" + name);
    }

    private static Map<String, Double> expected(String name) throws IOException {
        Map<String, Double> out = new TreeMap<>();
        for (String line : resource(name).split("\n")) {
            if (!line.isBlank()) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
            }
        }
        return out;
    }
}
