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
}
