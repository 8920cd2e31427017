package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.analysis.parse.ParseRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class CommandSpecTest {

    public static Map<String, Object> options(Object... kv) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    @Test
    void timingOnlyDefaults() {
        CommandSpec spec = CommandSpec.from(options("program", "cat", "args", List.of("{target}")));
        assertNull(spec.parse());
        assertEquals(1, spec.invocations());
        assertEquals(CommandSpec.BeforeEach.NONE, spec.beforeEach());
        assertEquals(600, spec.timeoutSeconds());
        assertTrue(spec.pin());
        assertEquals("stdout", spec.stream());
    }

    @Test
    void fullShapeWithSweptScalarsAndParams() {
        CommandSpec spec = CommandSpec.from(options(
                "program", "/usr/bin/dd",
                "args", List.of("if={target}", "bs={file_size:bytes}", "count=1", 1L),
                "env", Map.of("LD_PRELOAD", "/opt/lib{iodepth}.so"),
                "iodepth", 4L,
                "params", Map.of("file_size", "4k"),
                "invocations", 100L,
                "before_each", "drop_caches",
                "parse", Map.of("regex", "copied, (?<read_us>[0-9.e-]+) s", "units", Map.of("read_us", "s"),
                        "stream", "stderr", "match", "first")));
        assertEquals(List.of("if={target}", "bs={file_size:bytes}", "count=1", "1"), spec.args());
        assertEquals(Map.of("iodepth", "4", "file_size", "4k"), spec.params());
        assertEquals(100, spec.invocations());
        assertEquals(CommandSpec.BeforeEach.DROP_CACHES, spec.beforeEach());
        assertEquals("stderr", spec.stream());
        assertInstanceOf(ParseRule.Regex.class, spec.parse());
        assertEquals(List.of("read_us"), spec.parse().metrics());
    }

    @Test
    void aSweptValueOverridesTheParamsDefault() {
        CommandSpec spec = CommandSpec.from(options("program", "dd", "params", Map.of("file_size", "4k"), "file_size", "1m"));
        assertEquals("1m", spec.params().get("file_size"));
    }

    @Test
    void argsAsOneStringAreSplitOnWhitespace() {
        assertEquals(List.of("-c", "4096", "{target}"), CommandSpec.from(options("program", "head", "args", "-c 4096  {target}")).args());
    }

    @Test
    void jsonRule() {
        CommandSpec spec = CommandSpec.from(options("program", "fio", "parse",
                Map.of("json", Map.of("iops", "jobs.0.read.iops"))));
        assertInstanceOf(ParseRule.Json.class, spec.parse());
    }

    @Test
    void oneLineErrors() {
        assertEquals("workload.program: missing (the program to run, e.g. /usr/bin/dd)",
                message(options("args", List.of("x"))));
        assertTrue(message(options("program", "cat", "args", List.of("{targte}")))
                .startsWith("workload: '{targte}' in '{targte}' is no parameter (known: target, "), "typo in a placeholder");
        assertEquals("workload.parse: give exactly one of 'regex:' or 'json:' (or no parse: for timing only)",
                message(options("program", "x", "parse", Map.of("units", Map.of()))));
        assertTrue(message(options("program", "x", "parse", Map.of("regex", "IOPS=([0-9]+)")))
                .startsWith("workload.parse: regex 'IOPS=([0-9]+)' has no named group"));
        assertEquals("workload.parse: unknown key 'regexp' (known: file, json, match, regex, stream, units)",
                message(options("program", "x", "parse", Map.of("regexp", "a"))));
        assertEquals("workload.parse.stream: 'both' is not stdout or stderr",
                message(options("program", "x", "parse", Map.of("regex", "(?<a>1)", "stream", "both"))));
        assertEquals("workload.invocations: '0' is not a positive integer", message(options("program", "x", "invocations", 0L)));
        assertEquals("workload.before_each: 'drop' is not none or drop_caches",
                message(options("program", "x", "before_each", "drop")));
        assertEquals("workload.env: '1X' is not a variable name", message(options("program", "x", "env", Map.of("1X", "y"))));
        assertTrue(message(options("program", "x", "args", List.of("{n:kb}"))).contains("unknown filter 'kb'"));
        String broken = message(options("program", "x", "parse", Map.of("regex", "(?<a>[")));
        assertTrue(broken.startsWith("workload.parse: regex '(?<a>[': ") && !broken.contains("\n"), broken);
    }

    private static String message(Map<String, Object> options) {
        return assertThrows(IllegalArgumentException.class, () -> CommandSpec.from(options)).getMessage();
    }
}
