package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.verdict.Effect;
import dev.uringlab.analysis.verdict.Expectation;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectValidatorTest {

    private static final ExperimentLoader LOADER = new ExperimentLoader(
            Set.of("ipi_by_callsite", "fget", "io_uring_enter"), WorkloadKinds.BUILT_IN);

    private static String file(String expect) {
        return """
                experiments:
                  - name: coop
                    workload: {kind: ringbench, rw: randread, bs: 4k, runtime: 1}
                    sweep:
                      coop_taskrun: [false, true]
                      cpus: [irq, non-irq]
                      iodepth: [1, 16]
                    repetitions: 3
                    probes: [ipi_by_callsite]
                    expect:
                """ + expect;
    }

    private static ExperimentFile parse(String expect) throws ConfigException {
        return LOADER.parse(Path.of("claim.yaml"), file(expect), List.of(), List.of());
    }

    private static String error(String expect) {
        return assertThrows(ConfigException.class, () -> parse(expect)).getMessage();
    }

    @Test
    void readsAComparisonAndABound() throws Exception {
        ExperimentFile f = parse("""
                      - claim: COOP_TASKRUN removes the kick
                        source: thesis §4.1, Fig. 4.7
                        where: {cpus: non-irq, iodepth: 16}
                        compare: {coop_taskrun: [false, true]}
                        metric: ipi_by_callsite_per_io
                        effect: ">= 90% fewer"
                      - claim: near zero with COOP
                        source: thesis §4.1
                        where: {cpus: non-irq, coop_taskrun: true}
                        metric: ipi_by_callsite_per_io
                        effect: "< 0.01"
                """);
        List<Expectation> e = f.expectationsOf("coop");
        assertEquals(2, e.size());
        assertEquals("coop_taskrun", e.get(0).axis());
        assertEquals("false", e.get(0).baseline());
        assertEquals("true", e.get(0).treatment());
        assertEquals(Map.of("cpus", "non-irq", "iodepth", "16"), e.get(0).where());
        assertInstanceOf(Effect.Relative.class, e.get(0).effect());
        assertInstanceOf(Effect.Absolute.class, e.get(1).effect());
    }

    @Test
    void refusesWithFileLineAndColumn() {
        assertEquals("claim.yaml:13:26: expect.where.iodepth: 8 is not among the swept values [1, 16]",
                error("""
                      - claim: c
                        source: s
                        where: {iodepth: 8}
                        compare: {coop_taskrun: [false, true]}
                        metric: ipi_by_callsite_per_io
                        effect: lower
                """));
    }

    @Test
    void refusesUnknownAxesMetricsEffectsAndKeys() {
        assertTrue(error("""
                      - claim: c
                        source: s
                        where: {cpu: irq}
                        metric: iops
                        effect: "> 1"
                """).matches("claim\\.yaml:13:\\d+: expect.where: 'cpu' is not a swept axis.*"));
        assertTrue(error("""
                      - claim: c
                        source: s
                        metric: fget_per_io
                        effect: "< 1"
                """).contains("claim.yaml:13:17: expect.metric: fget_per_io needs probe 'fget'"));
        assertTrue(error("""
                      - claim: c
                        source: s
                        compare: {coop_taskrun: [false, true]}
                        metric: iops
                        effect: much higher
                """).startsWith("claim.yaml:15:17: expect.effect: 'much higher' is not an effect"));
        assertTrue(error("""
                      - claim: c
                        source: s
                        metric: iops
                        effect: higher
                """).contains("compares two values: add compare:"));
        assertTrue(error("""
                      - claim: c
                        sauce: s
                """).startsWith("claim.yaml:12:9: unknown key 'sauce' in expect entry (did you mean 'source'?)"));
        assertTrue(error("""
                      - claim: c
                        source: s
                        metric: iops
                """).contains("missing 'effect'"));
    }

    @Test
    void readsARankOverOneAxisOrOverSelections() throws Exception {
        ExperimentFile f = parse("""
                      - claim: the non-IRQ CPU with COOP has the most IOPS
                        source: s
                        where: {coop_taskrun: true, iodepth: 16}
                        compare: {cpus: [irq, non-irq]}
                        metric: iops
                        effect: highest
                      - claim: COOP at QD 16 has the fewest IPIs
                        source: s
                        where: {cpus: non-irq}
                        compare: [{coop_taskrun: false}, {coop_taskrun: true, iodepth: 1}, {coop_taskrun: true, iodepth: 16}]
                        metric: ipi_by_callsite_per_io
                        effect: lowest
                """);
        List<Expectation> e = f.expectationsOf("coop");
        assertEquals(List.of(Map.of("cpus", "irq"), Map.of("cpus", "non-irq")), e.get(0).ranked());
        assertEquals(new Effect.Rank("highest", true), e.get(0).effect());
        assertEquals(Map.of("coop_taskrun", "true", "iodepth", "16"), e.get(1).candidate());
        assertEquals(3, e.get(1).ranked().size());
        assertEquals(null, e.get(1).axis());
    }

    @Test
    void refusesRanksItCannotDecide() {
        assertTrue(error("""
                      - claim: c
                        source: s
                        metric: iops
                        effect: lowest
                """).matches("claim\\.yaml:\\d+:\\d+: expect.effect: 'lowest' ranks selections: add compare: .*"), "no compare");
        assertTrue(error("""
                      - claim: c
                        source: s
                        compare: [{coop_taskrun: false}, {coop_taskrun: false, iodepth: 16}]
                        metric: iops
                        effect: lowest
                """).contains("can match the same run"), "overlapping selections");
        assertTrue(error("""
                      - claim: c
                        source: s
                        compare: [{coop_taskrun: true}]
                        metric: iops
                        effect: highest
                """).contains("a rank needs at least two selections, got 1"), "one selection");
        assertTrue(error("""
                      - claim: c
                        source: s
                        where: {cpus: irq}
                        compare: [{cpus: irq}, {cpus: non-irq}]
                        metric: iops
                        effect: highest
                """).contains("expect.compare: 'cpus' is also fixed in where:"), "axis in where");
        assertTrue(error("""
                      - claim: c
                        source: s
                        compare: [{coop_taskrun: false}, {iodepth: 64}]
                        metric: iops
                        effect: highest
                """).contains("expect.compare.iodepth: 64 is not among the swept values [1, 16]"), "unswept value");
        assertTrue(error("""
                      - claim: c
                        source: s
                        compare: {iodepth: [1, 16, 1]}
                        metric: iops
                        effect: lower
                """).contains("expected two values [baseline, treatment], got 3 (to rank more than two, write effect:"
                + " highest or lowest)"), "three values with a direction");
    }

    @Test
    void readsAFitOverANumericAxis() throws Exception {
        ExperimentFile f = parse("""
                      - claim: IPIs grow with the queue depth faster without COOP
                        source: s
                        where: {cpus: non-irq}
                        compare: {coop_taskrun: [true, false]}
                        over: iodepth
                        metric: iops
                        effect: higher
                """);
        Expectation e = f.expectationsOf("coop").get(0);
        assertEquals("iodepth", e.over());
        assertEquals("coop_taskrun", e.axis());
    }

    /** The refusal of an iops claim with the given extra lines (over:, where:, compare:) and effect. */
    private static String iopsClaimError(String lines, String effect) {
        StringBuilder yaml = new StringBuilder("      - claim: c\n        source: s\n        metric: iops\n");
        lines.lines().forEach(l -> yaml.append("        ").append(l).append('\n'));
        return error(yaml.append("        effect: ").append(effect).append('\n').toString());
    }

    @Test
    void refusesFitsItCannotDecide() {
        String compare = "compare: {coop_taskrun: [false, true]}";
        assertTrue(iopsClaimError("over: cpus\n" + compare, "higher")
                .contains("expect.over: cpus=irq is not a number or a size"), "non-numeric axis");
        assertTrue(iopsClaimError("over: iodepth", "linear")
                .contains("expect.over: iodepth has 2 value(s); a line is only tested by 3 or more"), "two points");
        assertTrue(iopsClaimError("", "linear").contains("expect.effect: 'linear' needs over: AXIS"), "linear without over");
        assertTrue(iopsClaimError("over: iodepth\n" + compare, "\"<= +5\"").contains("does not apply to a fit"),
                "difference on a fit");
        assertTrue(iopsClaimError("over: iodepth\nwhere: {iodepth: 16}\n" + compare, "higher")
                .contains("expect.over: 'iodepth' is fitted against, so it cannot also be fixed in where:"), "over in where");
        assertTrue(iopsClaimError("over: iodepth", "higher").contains("compares two slopes: add compare:"),
                "slope without compare");
    }
}
