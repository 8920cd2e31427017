package dev.uringlab.analysis.verdict;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    private static final String METRIC = "ipi_by_callsite_per_io";

    /** One synthetic runs.csv row per value: coop false/true on a non-IRQ CPU. */
    private static List<Map<String, String>> runs(double[] without, double[] with) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (double v : without) {
            rows.add(row("false", v, "tracepoint"));
        }
        for (double v : with) {
            rows.add(row("true", v, "tracepoint"));
        }
        return rows;
    }

    private static Map<String, String> row(String coop, double value, String variant) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("experiment", "coop");
        r.put("status", "ok");
        r.put("coop_taskrun", coop);
        r.put("cpus", "non-irq");
        r.put(METRIC, Double.toString(value));
        r.put("ipi_by_callsite_variant", variant);
        return r;
    }

    private static Expectation compare(String effect) {
        return new Expectation("coop", "COOP removes the kick", "thesis §4.1", Map.of("cpus", "non-irq"),
                "coop_taskrun", "false", "true", METRIC, Effect.parse(effect));
    }

    private static Expectation bound(String coop, String effect) {
        return new Expectation("coop", "near zero with COOP", "thesis §4.1", Map.of("cpus", "non-irq", "coop_taskrun", coop),
                null, null, null, METRIC, Effect.parse(effect));
    }

    @Test
    void aClearReductionReproducesBothADirectionAndARelativeBound() {
        List<Map<String, String>> rows = runs(new double[] {0.41, 0.45, 0.43}, new double[] {0.001, 0.002, 0.001});
        VerdictResult lower = Evaluator.evaluate(compare("lower"), rows);
        assertEquals(Verdict.REPRODUCED, lower.verdict(), lower.toString());
        assertTrue(lower.test().contains("Mann-Whitney"));
        VerdictResult fewer = Evaluator.evaluate(compare(">= 90% fewer"), rows);
        assertEquals(Verdict.REPRODUCED, fewer.verdict(), fewer.toString());
        assertTrue(fewer.test().contains("bootstrap"));
    }

    @Test
    void theOppositeDirectionIsNotReproduced() {
        List<Map<String, String>> rows = runs(new double[] {0.41, 0.45, 0.43}, new double[] {0.001, 0.002, 0.001});
        VerdictResult higher = Evaluator.evaluate(compare("higher"), rows);
        assertEquals(Verdict.NOT_REPRODUCED, higher.verdict(), higher.toString());
        VerdictResult more = Evaluator.evaluate(compare(">= 20% more"), rows);
        assertEquals(Verdict.NOT_REPRODUCED, more.verdict(), more.toString());
    }

    @Test
    void aReductionShortOfTheBoundIsNotReproduced() {
        // Halved, clearly, but the claim is 90% fewer.
        List<Map<String, String>> rows = runs(new double[] {1.0, 1.02, 0.98}, new double[] {0.5, 0.51, 0.49});
        assertEquals(Verdict.NOT_REPRODUCED, Evaluator.evaluate(compare(">= 90% fewer"), rows).verdict());
        assertEquals(Verdict.REPRODUCED, Evaluator.evaluate(compare(">= 40% fewer"), rows).verdict());
    }

    @Test
    void noisyOverlappingRunsAreInconclusiveAndSayHowManyRepetitionsWouldDecide() {
        List<Map<String, String>> rows = runs(new double[] {1.0, 1.6, 0.7}, new double[] {0.9, 1.3, 0.6});
        VerdictResult v = Evaluator.evaluate(compare("lower"), rows);
        assertEquals(Verdict.INCONCLUSIVE, v.verdict(), v.toString());
        assertTrue(v.detail().matches(".*about \\d+ repetitions per side would decide it.*"), v.detail());
        VerdictResult within = Evaluator.evaluate(compare("within ±5%"), rows);
        assertEquals(Verdict.INCONCLUSIVE, within.verdict(), within.toString());
        assertTrue(within.detail().contains("repetitions"), within.detail());
    }

    @Test
    void oneRunPerSideGivesNoVerdict() {
        VerdictResult v = Evaluator.evaluate(compare("lower"), runs(new double[] {0.4}, new double[] {0.0}));
        assertEquals(Verdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.detail().contains("no verdict from 1 vs 1 runs"), v.detail());
        VerdictResult a = Evaluator.evaluate(bound("true", "< 0.01"), runs(new double[] {0.4}, new double[] {0.0}));
        assertEquals(Verdict.INCONCLUSIVE, a.verdict());
    }

    @Test
    void anAbsoluteBoundUsesTheTIntervalOfTheMean() {
        List<Map<String, String>> rows = runs(new double[] {0.41, 0.45, 0.43}, new double[] {0.001, 0.002, 0.001});
        assertEquals(Verdict.REPRODUCED, Evaluator.evaluate(bound("true", "< 0.01"), rows).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, Evaluator.evaluate(bound("false", "< 0.01"), rows).verdict());
        assertEquals(Verdict.REPRODUCED, Evaluator.evaluate(bound("false", "between 0.3 and 0.5"), rows).verdict());
        VerdictResult straddle = Evaluator.evaluate(bound("false", "> 0.44"), rows);
        assertEquals(Verdict.INCONCLUSIVE, straddle.verdict(), straddle.toString());
        assertTrue(straddle.test().contains("Student-t"));
    }

    @Test
    void anUnavailableProbeIsNotMeasurableWithItsReason() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String coop : List.of("false", "true")) {
            Map<String, String> r = row(coop, 0, "unavailable: needs kprobes");
            r.put(METRIC, "");
            rows.add(r);
        }
        VerdictResult v = Evaluator.evaluate(compare("lower"), rows);
        assertEquals(Verdict.NOT_MEASURABLE, v.verdict());
        assertEquals("probe ipi_by_callsite unavailable: needs kprobes", v.detail());
    }

    @Test
    void aPlacementWithoutRunsOrAMissingColumnIsNotMeasurable() {
        List<Map<String, String>> rows = runs(new double[] {1, 2}, new double[] {1, 2});
        Expectation onIrq = new Expectation("coop", "c", "s", Map.of("cpus", "irq"), "coop_taskrun", "false", "true",
                METRIC, Effect.parse("lower"));
        VerdictResult v = Evaluator.evaluate(onIrq, rows);
        assertEquals(Verdict.NOT_MEASURABLE, v.verdict());
        assertTrue(v.detail().startsWith("no run at cpus=irq"), v.detail());
        Expectation other = new Expectation("coop", "c", "s", Map.of(), "coop_taskrun", "false", "true",
                "fget_per_io", Effect.parse("lower"));
        assertTrue(Evaluator.evaluate(other, rows).detail().contains("no column fget_per_io"));
    }

    @Test
    void identicalRunsOnBothSidesDoNotReproduceADifference() {
        VerdictResult v = Evaluator.evaluate(compare("lower"), runs(new double[] {0, 0, 0}, new double[] {0, 0, 0}));
        assertEquals(Verdict.NOT_REPRODUCED, v.verdict());
    }

    /** Three engines, three runs each; the candidate (last) is ranked against the other two. */
    private static List<Map<String, String>> engines(double[] psync, double[] libaio, double[] uring) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Object[] side : new Object[][] {{"psync", psync}, {"libaio", libaio}, {"io_uring", uring}}) {
            for (double v : (double[]) side[1]) {
                Map<String, String> r = row("false", v, "tracepoint");
                r.put("engine", (String) side[0]);
                rows.add(r);
            }
        }
        return rows;
    }

    private static Expectation rank(String effect) {
        return new Expectation("coop", "io_uring ranks first", "article", Map.of(), null, null, null, METRIC,
                Effect.parse(effect), List.of(Map.of("engine", "psync"), Map.of("engine", "libaio"), Map.of("engine", "io_uring")));
    }

    @Test
    void aRankIsReproducedOnlyWhenTheCandidateBeatsEveryOtherSelection() {
        VerdictResult lowest = Evaluator.evaluate(rank("lowest"),
                engines(new double[] {5, 6, 7}, new double[] {2, 2.2, 2.1}, new double[] {0.1, 0.2, 0.15}));
        assertEquals(Verdict.REPRODUCED, lowest.verdict(), lowest.toString());
        assertTrue(lowest.test().contains("against each of 2"), lowest.test());
        // The weakest link is reported: libaio is the closer competitor.
        assertTrue(lowest.detail().endsWith("(vs engine=libaio)"), lowest.detail());

        VerdictResult highest = Evaluator.evaluate(rank("highest"),
                engines(new double[] {5, 6, 7}, new double[] {2, 2.2, 2.1}, new double[] {0.1, 0.2, 0.15}));
        assertEquals(Verdict.NOT_REPRODUCED, highest.verdict(), highest.toString());
    }

    @Test
    void aRankWithOneUndecidedCompetitorIsInconclusiveAndNamesIt() {
        VerdictResult r = Evaluator.evaluate(rank("lowest"),
                engines(new double[] {5, 6, 7}, new double[] {0.1, 0.3, 0.12}, new double[] {0.11, 0.2, 0.15}));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
        assertTrue(r.detail().contains("repetitions per side would decide it") && r.detail().endsWith("(vs engine=libaio)"),
                r.detail());
    }

    @Test
    void aRankSelectionWithoutRunsIsNotMeasurable() {
        VerdictResult r = Evaluator.evaluate(rank("lowest"),
                engines(new double[] {5, 6, 7}, new double[] {}, new double[] {0.1, 0.2, 0.15}));
        assertEquals(Verdict.NOT_MEASURABLE, r.verdict(), r.toString());
        assertEquals("no finished run with engine=libaio", r.detail());
    }

    @Test
    void rankedSelectionsNeedARankEffectAndViceVersa() {
        assertThrows(IllegalArgumentException.class, () -> new Expectation("e", "c", "s", Map.of(), null, null, null,
                METRIC, Effect.parse("lowest")));
        assertThrows(IllegalArgumentException.class, () -> new Expectation("e", "c", "s", Map.of(), null, null, null,
                METRIC, Effect.parse("lower"), List.of(Map.of("engine", "a"), Map.of("engine", "b"))));
    }

    @Test
    void aRankSurvivesExpectationsJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("expectations.json");
        java.nio.file.Files.writeString(f, ExpectationsJson.write(List.of(rank("lowest"))));
        assertEquals(List.of(rank("lowest")), ExpectationsJson.read(f));
    }

    @Test
    void aDifferenceIsReadWithItsSignAndNeverAsAnAbsoluteBound() {
        assertEquals(new Effect.Difference("<= +246", Double.NEGATIVE_INFINITY, 246), Effect.parse("<= +246"));
        assertEquals(new Effect.Difference(">= +10", 10, Double.POSITIVE_INFINITY), Effect.parse(">= +10"));
        assertEquals(new Effect.Difference("within ±20", -20, 20), Effect.parse("within ±20"));
        assertEquals(new Effect.Relative("within ±20%", 0.8, 1.2), Effect.parse("within ±20%"));
        assertEquals(new Effect.Absolute("<= 246", Double.NEGATIVE_INFINITY, 246), Effect.parse("<= 246"));
    }

    @Test
    void aDifferenceIsJudgedByTheBootstrapIntervalOfTheDifferenceOfMeans() {
        List<Map<String, String>> rows = runs(new double[] {1000, 1010, 990, 1005}, new double[] {1100, 1110, 1090, 1105});
        VerdictResult within = Evaluator.evaluate(compare("<= +246"), rows);
        assertEquals(Verdict.REPRODUCED, within.verdict(), within.toString());
        assertEquals("+100", within.estimate());
        assertTrue(within.test().contains("difference of means"), within.test());
        VerdictResult tooMuch = Evaluator.evaluate(compare("<= +50"), rows);
        assertEquals(Verdict.NOT_REPRODUCED, tooMuch.verdict(), tooMuch.toString());
        VerdictResult straddles = Evaluator.evaluate(compare("<= +100"), rows);
        assertEquals(Verdict.INCONCLUSIVE, straddles.verdict(), straddles.toString());
    }
}
