package dev.uringlab.analysis.parse;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseRuleTest {

    @Test
    void namedGroupsWithUnderscoresBecomeMetrics() throws Exception {
        ParseRule rule = ParseRule.regex("IOPS=(?<iops>[0-9.]+k?), avg=(?<lat_mean_us>[0-9.]+)", Map.of(), ParseRule.Match.LAST);
        assertEquals(List.of("iops", "lat_mean_us"), rule.metrics());
        Map<String, Double> v = rule.apply("read: IOPS=12.5k, avg=80.5\n", "stdout", "run/command.stdout");
        assertEquals(12500.0, v.get("iops"), "SI suffix as fio prints it");
        assertEquals(80.5, v.get("lat_mean_us"));
    }

    @Test
    void unitsConvertIntoTheMetricNamesUnit() throws Exception {
        ParseRule rule = ParseRule.regex("copied, (?<read_us>[0-9.e-]+) s, (?<bw_mb_s>[0-9.]+) MiB/s",
                Map.of("read_us", "s", "bw_mb_s", "MiB/s"), ParseRule.Match.FIRST);
        Map<String, Double> v = rule.apply("4096 bytes copied, 1.2e-05 s, 2.0 MiB/s", "stderr", "f");
        assertEquals(12.0, v.get("read_us"), 1e-9);
        assertEquals(2.097152, v.get("bw_mb_s"), 1e-9);
    }

    @Test
    void pythonStyleGroupsBackrefsAndCharacterClasses() throws Exception {
        ParseRule rule = ParseRule.regex("(?P<tag>[a-z]+)=(?<ops>[0-9]+)[(?<x>)]* \\k<tag>", Map.of(), ParseRule.Match.SUM);
        assertEquals(List.of("tag", "ops"), rule.metrics(), "a group inside [...] is literal text");
        assertThrows(ParseException.class, () -> rule.apply("a=1 b", "stdout", "f"));
    }

    @Test
    void matchModesOverManyLines() throws Exception {
        String text = "thread 0: ops=10\nthread 1: ops=30\n";
        assertEquals(40.0, ParseRule.regex("^thread \\d+: ops=(?<ops>\\d+)$", Map.of(), ParseRule.Match.SUM)
                .apply(text, "stdout", "f").get("ops"));
        assertEquals(20.0, ParseRule.regex("ops=(?<ops>\\d+)", Map.of(), ParseRule.Match.MEAN).apply(text, "stdout", "f").get("ops"));
        assertEquals(10.0, ParseRule.regex("ops=(?<ops>\\d+)", Map.of(), ParseRule.Match.FIRST).apply(text, "stdout", "f").get("ops"));
        assertEquals(30.0, ParseRule.regex("ops=(?<ops>\\d+)", Map.of(), ParseRule.Match.LAST).apply(text, "stdout", "f").get("ops"));
    }

    @Test
    void noMatchNamesMetricRegexStreamAndFile() {
        ParseRule rule = ParseRule.regex("IOPS=(?<iops>[0-9.]+)", Map.of(), ParseRule.Match.LAST);
        ParseException e = assertThrows(ParseException.class, () -> rule.apply("nothing\nhere", "stdout", "/r/command.stdout"));
        assertEquals("metric 'iops' regex 'IOPS=(?<iops>[0-9.]+)' matched nothing in stdout (see /r/command.stdout)", e.getMessage());
    }

    @Test
    void optionalGroupThatNeverParticipatesIsANoMatchForThatMetric() {
        ParseRule rule = ParseRule.regex("ops=(?<ops>\\d+)( lat=(?<lat_us>\\d+))?", Map.of(), ParseRule.Match.LAST);
        ParseException e = assertThrows(ParseException.class, () -> rule.apply("ops=3", "stderr", "f"));
        assertTrue(e.getMessage().startsWith("metric 'lat_us' regex"), e.getMessage());
    }

    @Test
    void capturedTextThatIsNoNumber() {
        ParseRule rule = ParseRule.regex("v=(?<v>\\S+)", Map.of(), ParseRule.Match.LAST);
        ParseException e = assertThrows(ParseException.class, () -> rule.apply("v=abc", "stdout", "f"));
        assertEquals("metric 'v' regex 'v=(?<v>\\S+)' found 'abc' in stdout, not a number (see f)", e.getMessage());
    }

    @Test
    void badRulesAreRefusedWithOneLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParseRule.regex("IOPS=([0-9]+)", Map.of(), ParseRule.Match.LAST))
                .getMessage().contains("has no named group"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParseRule.regex("(?<a>[0-9]+", Map.of(), ParseRule.Match.LAST))
                .getMessage().startsWith("regex '(?<a>[0-9]+': "));
        assertEquals("units: 'ms' for metric 'iops' (IO/s) does not convert; use one of 1, k, M, G",
                assertThrows(IllegalArgumentException.class,
                        () -> ParseRule.regex("(?<iops>\\d+)", Map.of("iops", "ms"), ParseRule.Match.LAST)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ParseRule.regex("(?<iops>\\d+)", Map.of("lat_us", "ms"), ParseRule.Match.LAST))
                .getMessage().startsWith("units: 'lat_us' is not a metric of the parse rule"));
    }

    @Test
    void jsonPathsWithIndicesAndDottedKeys() throws Exception {
        String fio = """
                note: both iodepth >= 1 and synchronous I/O engine are selected
                {"jobs": [{"read": {"iops": 1234.5, "clat_ns": {"percentile": {"99.000000": 25088}}}}],
                 "disk_util": [{"util": "97.5"}]}
                """;
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("iops", "jobs.0.read.iops");
        paths.put("clat_p99_us", "jobs[0].read.clat_ns.percentile[\"99.000000\"]");
        paths.put("util_pct", "disk_util.0.util");
        Map<String, Double> v = ParseRule.json(paths, Map.of("clat_p99_us", "ns")).apply(fio, "stdout", "f");
        assertEquals(1234.5, v.get("iops"));
        assertEquals(25.088, v.get("clat_p99_us"), 1e-9);
        assertEquals(97.5, v.get("util_pct"), "numeric strings count");
    }

    @Test
    void jsonErrors() {
        ParseRule rule = ParseRule.json(Map.of("iops", "jobs.0.write.iops"), Map.of());
        ParseException missing = assertThrows(ParseException.class,
                () -> rule.apply("{\"jobs\": [{\"read\": {}}]}", "stdout", "/r/command.stdout"));
        assertEquals("metric 'iops' json path 'jobs.0.write.iops' not found in stdout (see /r/command.stdout)", missing.getMessage());
        ParseException object = assertThrows(ParseException.class,
                () -> ParseRule.json(Map.of("x", "a"), Map.of()).apply("{\"a\": {}}", "stdout", "f"));
        assertTrue(object.getMessage().contains("is an object in stdout, not a number"), object.getMessage());
        ParseException notJson = assertThrows(ParseException.class, () -> rule.apply("{oops", "stdout", "f"));
        assertTrue(notJson.getMessage().startsWith("stdout is not JSON: "), notJson.getMessage());
        assertFalse(notJson.getMessage().contains("\n"));
        assertThrows(IllegalArgumentException.class, () -> ParseRuleJsonPath.of("a..b"));
    }

    @Test
    void numbersWithSeparatorsAndSuffixes() {
        assertEquals(1234567.0, ParseRuleUnits.number("1,234,567"));
        assertEquals(2.5e6, ParseRuleUnits.number("2.5M"));
        assertEquals(1.2e-5, ParseRuleUnits.number(" 1.2e-05 "));
    }
}
