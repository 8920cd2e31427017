package dev.uringlab.orchestrator.config;

import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExperimentLoaderTest {

    private static final Set<String> PROBES = Set.of("kick_process", "irq_per_cpu", "fget", "io_uring_enter");
    private static final ExperimentLoader LOADER = new ExperimentLoader(PROBES, WorkloadKinds.BUILT_IN);

    private static final String VALID = """
            defaults:
              repetitions: 2
              workload: {kind: fio, runtime: 3, bs: 4k}
            experiments:
              - name: irq-locality
                workload: {kind: fio, iodepth: 1}
                cpus: irq
                probes: [kick_process, irq_per_cpu]
                sweep:
                  iodepth: [1, 4, 16]
                  cpus: [irq, non-irq]
                exclude:
                  - {iodepth: 1, cpus: non-irq}
              - name: second
                repetitions: 1
                workload: {kind: fio, engine: psync}
            """;

    private static ExperimentFile parse(String text, String... sets) throws ConfigException {
        List<SetOverride> overrides = new java.util.ArrayList<>();
        for (String s : sets) {
            overrides.add(SetOverride.parse(s));
        }
        return LOADER.parse(Path.of("experiments.yaml"), text, overrides, List.of());
    }

    private static String error(String text, String... sets) {
        return assertThrows(ConfigException.class, () -> parse(text, sets)).getMessage();
    }

    @Test
    void defaultsMergeIntoEachExperimentAndTheExperimentWins() throws Exception {
        ExperimentFile file = parse(VALID);
        Experiment first = file.experiments().get(0);
        assertEquals(2, first.repetitions());
        assertEquals(3L, first.workload().options().get("runtime"));
        assertEquals(1L, first.workload().options().get("iodepth"));
        assertEquals("io_uring", first.workload().options().get("engine"), "schema default");
        assertEquals(List.of(1L, 4L, 16L), first.sweep().axes().get("iodepth"));
        assertEquals(List.of(Map.of("iodepth", 1L, "cpus", "non-irq")), first.sweep().exclude());
        Experiment second = file.experiments().get(1);
        assertEquals(1, second.repetitions());
        assertEquals("psync", second.workload().options().get("engine"));
        assertEquals(TargetSpec.defaultScratch(), second.target());
    }

    @Test
    void setOverridesApplyToEveryExperimentAndPinASweptAxis() throws Exception {
        ExperimentFile file = parse(VALID, "workload.runtime=1", "workload.iodepth=8", "repetitions=1");
        Experiment first = file.experiments().get(0);
        assertEquals(1L, first.workload().options().get("runtime"));
        assertEquals(8L, first.workload().options().get("iodepth"));
        assertEquals(List.of(8L), first.sweep().axes().get("iodepth"), "a pinned axis keeps only the pinned value");
        assertEquals(List.of("irq", "non-irq"), first.sweep().axes().get("cpus"));
        assertEquals(1, first.repetitions());
    }

    @Test
    void onlySelectsExperimentsAndSuggestsMisspeltNames() throws Exception {
        ExperimentFile file = LOADER.parse(Path.of("experiments.yaml"), VALID, List.of(), List.of("second"));
        assertEquals(List.of("second"), file.experiments().stream().map(Experiment::name).toList());
        ConfigException e = assertThrows(ConfigException.class,
                () -> LOADER.parse(Path.of("experiments.yaml"), VALID, List.of(), List.of("secnd")));
        assertEquals("experiments.yaml: --only secnd: no such experiment (did you mean 'second'?); experiments: "
                + "irq-locality, second", e.getMessage());
    }

    @Test
    void unknownKeyNamesLineColumnAndSuggestion() {
        assertEquals("experiments.yaml:4:7: unknown key 'iodeph' in workload (fio) (did you mean 'iodepth'?)",
                error("""
                        experiments:
                          - name: a
                            workload:
                              iodeph: 4
                              kind: fio
                        """));
        assertEquals("experiments.yaml:3:5: unknown key 'repetition' in experiment (did you mean 'repetitions'?)",
                error("""
                        experiments:
                          - name: a
                            repetition: 3
                            workload: {kind: fio}
                        """));
    }

    @Test
    void wrongTypesAreRefused() {
        assertEquals("experiments.yaml:3:36: workload.iodepth: expected a positive integer, got a string 'sixteen'",
                error("""
                        experiments:
                          - name: a
                            workload: {kind: fio, iodepth: sixteen}
                        """));
        assertEquals("experiments.yaml:3:36: workload.runtime: 0 is out of range, expected a positive integer",
                error("""
                        experiments:
                          - name: a
                            workload: {kind: fio, runtime: 0}
                        """));
        assertEquals("experiments.yaml:3:35: workload.engine: 'io-uring' is not one of io_uring, libaio, psync, "
                        + "posixaio (did you mean 'io_uring'?)",
                error("""
                        experiments:
                          - name: a
                            workload: {kind: fio, engine: io-uring}
                        """));
        assertEquals("experiments.yaml:4:11: cpus: 'nonirq' is not a CPU set (irq, non-irq, all, local, smt-sibling, same-node, remote-node, or a list like 0,2-3)"
                        + " (did you mean 'non-irq'?)",
                error("""
                        experiments:
                          - name: a
                            workload: {kind: fio}
                            cpus: nonirq
                        """));
    }

    @Test
    void unknownProbeSuggestsTheClosestId() {
        assertEquals("experiments.yaml:4:20: unknown probe 'kick_proces' (did you mean 'kick_process'?) "
                        + "(uringlab probes lists them)",
                error("""
                        experiments:
                          - name: a
                            workload: {kind: fio}
                            probes: [fget, kick_proces]
                        """));
    }

    @Test
    void emptySweepsAndBadZipOrExcludeAreRefused() {
        assertEquals("experiments.yaml:4:12: sweep: is empty (remove it, or list at least one axis)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    sweep: {}\n"));
        assertEquals("experiments.yaml:4:22: sweep.iodepth: empty list (an axis needs at least one value)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    sweep: {iodepth: []}\n"));
        assertEquals("experiments.yaml:5:21: zip: axis 'numjobs' has 1 values but 'iodepth' has 2 (zipped axes advance together)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n"
                        + "    sweep: {iodepth: [1, 2], numjobs: [1]}\n    zip: [[iodepth, numjobs]]\n"));
        assertEquals("experiments.yaml:5:25: exclude: iodepth=3 never occurs in the sweep, so this entry excludes nothing",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n"
                        + "    sweep: {iodepth: [1, 2]}\n    exclude: [{iodepth: 3}]\n"));
    }

    @Test
    void malformedYamlAndStructuralErrors() {
        assertEquals("experiments.yaml:1:1: the file is empty", error(""));
        assertEquals("experiments.yaml:1:1: no 'experiments:' list (add at least one experiment)", error("defaults: {}\n"));
        String malformed = error("experiments:\n  - name: a\n    workload: {kind: fio\n");
        assertEquals(true, malformed.startsWith("experiments.yaml:3:25: malformed YAML:"), malformed);
        assertEquals("experiments.yaml:3:5: duplicate key 'name' (first at line 2)",
                error("experiments:\n  - name: a\n    name: b\n    workload: {kind: fio}\n"));
        assertEquals("--set workload.iodepth=x: workload.iodepth: expected a positive integer, got a string 'x'",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n", "workload.iodepth=x"));
        assertEquals("--set repetitons=2: unknown key 'repetitons' (did you mean 'repetitions'?)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n", "repetitons=2"));
    }

    @Test
    void aWritingWorkloadOnAScratchFileNeedsNothingButARelativePathIsRefused() {
        assertEquals("experiments.yaml:4:32: target.path: 'data/x' must be absolute (results are compared across"
                        + " machines and working directories)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    target: {kind: file, path: data/x}\n"));
    }

    @Test
    void hostSectionIsValidatedAndOffMeansOff() throws Exception {
        Experiment e = parse("""
                experiments:
                  - name: a
                    workload: {kind: fio}
                    host:
                      irqbalance: stop
                      turbo: off
                      smt: "on"
                      irq_affinity: {"nvme0q*": 0-3}
                      nvme_queues: {poll: 36, irq_cpus: "0,5", attempts: 4}
                """).experiments().get(0);
        assertEquals(true, e.host().stopIrqbalance());
        assertEquals(false, e.host().turbo());
        assertEquals(true, e.host().smt());
        assertEquals(Map.of("nvme0q*", "0-3"), e.host().irqAffinity());
        assertEquals(new HostSpec.NvmeQueues(null, 36, null, "0,5", 4), e.host().nvmeQueues());
        assertEquals(true, e.host().changesIrqLayout());
        assertEquals("experiments.yaml:5:7: unknown key 'irq_afinity' in host (did you mean 'irq_affinity'?)",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    host:\n      irq_afinity: {}\n"));
        assertEquals("experiments.yaml:5:31: host.irq_affinity.nvme0q*: needs an explicit CPU list such as 0-3, not 'irq'",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    host:\n      irq_affinity: {nvme0q*: irq}\n"));
        assertEquals("experiments.yaml:5:20: host.nvme_queues: set at least one of default, poll, write",
                error("experiments:\n  - name: a\n    workload: {kind: fio}\n    host:\n      nvme_queues: {attempts: 2}\n"));
    }

    private static String sweepingHost(String sweep, String host) {
        return """
                experiments:
                  - name: h
                    workload: {kind: fio}
                %s    sweep:
                      %s
                """.formatted(host.isEmpty() ? "" : "    host: " + host + "\n", sweep);
    }

    @Test
    void hostSettingsAreSweptAsHostAxesWithLeaveForTheHostsOwnValue() throws Exception {
        Experiment e = parse(sweepingHost("{host.max_idle_latency_us: [leave, 0], host.turbo: [on, off],"
                + " host.drop_caches: [true, false], host.governor: [leave, performance], iodepth: [1]}", "")).experiments().get(0);
        assertEquals(List.of("leave", 0), e.sweep().axes().get("host.max_idle_latency_us"));
        assertEquals(List.of("on", "off"), e.sweep().axes().get("host.turbo"));
        assertEquals(List.of(true, false), e.sweep().axes().get("host.drop_caches"));
        HostSpec run = HostSpec.ofSwept(Map.of("host.max_idle_latency_us", 0, "host.turbo", "off",
                "host.governor", "leave", "iodepth", 1L));
        assertEquals(0, run.maxIdleLatencyUs());
        assertEquals(false, run.turbo());
        assertEquals(null, run.governor(), "leave changes nothing");
    }

    @Test
    void hostKeysThatMoveCpusOrInterruptsCannotBeSwept() {
        assertEquals("experiments.yaml:5:19: sweep.host.smt: host.smt cannot change between runs: switching SMT takes CPUs"
                + " offline, and the runs' CPU sets are resolved against the online ones; use one experiment per setting",
                error(sweepingHost("{host.smt: [on, off]}", "")));
        assertEquals("experiments.yaml:5:27: sweep.host.nvme_queues: host.nvme_queues cannot change between runs: it moves"
                + " interrupts, and irq/non-irq CPU sets are resolved against them; use one experiment per setting",
                error(sweepingHost("{host.nvme_queues: [{poll: 4}]}", "")));
        assertEquals("experiments.yaml:5:21: sweep.host.turob: 'turob' is not a host key (did you mean 'turbo'?)"
                + " (a sweep can vary host.max_idle_latency_us, host.max_idle_latency_cpus, host.turbo, host.governor,"
                + " host.drop_caches)",
                error(sweepingHost("{host.turob: [on]}", "")));
        assertEquals("experiments.yaml:5:42: sweep.host.max_idle_latency_us: -1 is out of range, expected an integer >= 0",
                error(sweepingHost("{host.max_idle_latency_us: [leave, -1]}", "")));
        assertEquals("experiments.yaml:5:8: sweep.host.max_idle_latency_cpus: says which CPUs get host.max_idle_latency_us,"
                + " which is not swept (add it as an axis, e.g. host.max_idle_latency_us: [0])",
                error(sweepingHost("{host.max_idle_latency_cpus: [irq, non-irq]}", "")));
        assertEquals("experiments.yaml:4:12: host.max_idle_latency_cpus: says which CPUs get host.max_idle_latency_us,"
                + " which is not set", error(sweepingHost("{iodepth: [1]}", "{max_idle_latency_cpus: irq}")));
        assertEquals("experiments.yaml:6:8: sweep.host.turbo: host.turbo is also set under host:, which holds for every"
                + " run (keep one of the two)", error(sweepingHost("{host.turbo: [on, off]}", "{turbo: off}")));
    }
}
