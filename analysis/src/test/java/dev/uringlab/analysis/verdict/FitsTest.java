package dev.uringlab.analysis.verdict;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitsTest {

    private static final List<String> SIZES = List.of("64k", "1m", "16m");

    /** Read time = intercept + slope·bytes (+ the given wobble per repetition), three runs per size. */
    private static List<Map<String, String>> rows(String cache, double intercept, double usPerMiB, double[] wobble) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String size : SIZES) {
            for (double w : wobble) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("experiment", "fs");
                r.put("status", "ok");
                r.put("cache", cache);
                r.put("file_size", size);
                r.put("read_p50_us", Double.toString(intercept + usPerMiB * Fits.number(size, "file_size") / 1048576 + w));
                rows.add(r);
            }
        }
        return rows;
    }

    private static Expectation slope(String effect) {
        return new Expectation("fs", "cold grows faster", "study", Map.of(), "cache", "hot", "cold", "read_p50_us",
                Effect.parse(effect), List.of(), "file_size");
    }

    private static Expectation line(String cache, String effect) {
        return new Expectation("fs", "linear", "study", Map.of("cache", cache), null, null, null, "read_p50_us",
                Effect.parse(effect), List.of(), "file_size");
    }

    private static List<Map<String, String>> both(double[] hotWobble, double[] coldWobble) {
        List<Map<String, String>> all = new ArrayList<>(rows("hot", 50, 80, hotWobble));
        all.addAll(rows("cold", 300, 4000, coldWobble));
        return all;
    }

    @Test
    void readsSizesAndNumbers() {
        assertEquals(65536, Fits.number("64k", "x"));
        assertEquals(16777216, Fits.number("16M", "x"));
        assertEquals(1.5e9, Fits.number("1.5e9", "x"));
        assertEquals(1024, Fits.number("1KiB", "x"));
        assertThrows(IllegalArgumentException.class, () -> Fits.number("uring", "api"));
    }

    @Test
    void aSteeperSlopeIsReproducedAndTheReverseIsNot() {
        List<Map<String, String>> rows = both(new double[] {-2, 0, 2}, new double[] {-50, 0, 50});
        VerdictResult steeper = Evaluator.evaluate(slope("higher"), rows);
        assertEquals(Verdict.REPRODUCED, steeper.verdict(), steeper.toString());
        assertTrue(steeper.estimate().startsWith("slope ×50"), steeper.estimate());
        assertTrue(steeper.test().contains("stratified bootstrap"), steeper.test());
        assertEquals(Verdict.NOT_REPRODUCED, Evaluator.evaluate(slope("lower"), rows).verdict());
        assertEquals(Verdict.REPRODUCED, Evaluator.evaluate(slope(">= 1000% more"), rows).verdict());
    }

    @Test
    void aLineIsJudgedByR2AndACurveIsNotALine() {
        List<Map<String, String>> rows = both(new double[] {-2, 0, 2}, new double[] {-50, 0, 50});
        VerdictResult linear = Evaluator.evaluate(line("cold", "linear"), rows);
        assertEquals(Verdict.REPRODUCED, linear.verdict(), linear.toString());
        assertTrue(linear.estimate().startsWith("R² 1"), linear.estimate());

        // A step: flat for the two small sizes, then a jump: far from a line through three sizes.
        List<Map<String, String>> step = new ArrayList<>();
        for (Map<String, String> r : rows("hot", 50, 0, new double[] {-1, 0, 1})) {
            if (r.get("file_size").equals("1m")) {
                r.put("read_p50_us", Double.toString(Double.parseDouble(r.get("read_p50_us")) + 1000));
            }
            step.add(r);
        }
        VerdictResult curve = Evaluator.evaluate(line("hot", "linear, R² >= 0.9"), step);
        assertEquals(Verdict.NOT_REPRODUCED, curve.verdict(), curve.toString());
    }

    @Test
    void tooFewAxisValuesOrRunsGiveNoVerdictAndANonNumericAxisIsNotMeasurable() {
        List<Map<String, String>> rows = both(new double[] {0}, new double[] {0});
        VerdictResult one = Evaluator.evaluate(slope("higher"), rows);
        assertEquals(Verdict.INCONCLUSIVE, one.verdict(), one.toString());
        assertTrue(one.detail().contains("set repetitions to 3 or more"), one.detail());

        List<Map<String, String>> words = both(new double[] {-1, 1}, new double[] {-1, 1});
        words.forEach(r -> r.put("file_size", "big"));
        VerdictResult notNumeric = Evaluator.evaluate(line("hot", "linear"), words);
        assertEquals(Verdict.NOT_MEASURABLE, notNumeric.verdict(), notNumeric.toString());
        assertTrue(notNumeric.detail().contains("file_size=big is not a number"), notNumeric.detail());
    }

    @Test
    void aFitSurvivesExpectationsJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("expectations.json");
        java.nio.file.Files.writeString(f, ExpectationsJson.write(List.of(slope("higher"), line("hot", "linear"))));
        assertEquals(List.of(slope("higher"), line("hot", "linear")), ExpectationsJson.read(f));
    }

    @Test
    void linearNeedsAFitAndAFitNeedsASlopeOrLinear() {
        assertThrows(IllegalArgumentException.class, () -> new Expectation("fs", "c", "s", Map.of(), null, null, null,
                "m", Effect.parse("linear")));
        assertThrows(IllegalArgumentException.class, () -> new Expectation("fs", "c", "s", Map.of(), null, null, null,
                "m", Effect.parse("< 5"), List.of(), "file_size"));
        assertThrows(IllegalArgumentException.class, () -> Effect.parse("linear, R² >= 1.5"));
    }
}
