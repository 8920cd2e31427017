package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning against recorded/modelled hosts: CPU sets, probe variants and host changes, nothing changed. */
class PlannerTest {

    private static final ProbeCatalog CATALOG = ProbeCatalog.builtin();

    private static Plan plan(HostFs fs, String yaml) throws Exception {
        ExperimentFile file = new ExperimentLoader(java.util.Set.copyOf(CATALOG.ids()), WorkloadKinds.BUILT_IN)
                .parse(Path.of("experiments.yaml"), yaml, List.of(), List.of());
        return new Planner(fs, CATALOG, HostProbeSupport.detect(fs)).plan(file);
    }

    @Test
    void serverCpuSetsFollowTheNvmeIrqLayoutAndNuma() throws Exception {
        Plan plan = plan(Fixtures.SERVER, """
                experiments:
                  - name: numa
                    target: {kind: scratch, path: /data/scratch.dat, size: 1g}
                    workload: {kind: fio}
                    sweep:
                      cpus: [irq, local, smt-sibling, same-node, remote-node, non-irq, "3"]
                """);
        Map<String, String> resolved = plan.experiments().get(0).runs().stream()
                .collect(Collectors.toMap(RunSpec::cpuSet, r -> CpuList.format(r.cpus())));
        assertEquals("0,5,10,15", resolved.get("irq"));
        assertEquals("0,5,10,15", resolved.get("local"));
        assertEquals("20,25,30,35", resolved.get("smt-sibling"));
        assertEquals("1-4,6-9,20-29", resolved.get("same-node"), "node 0 of the NVMe device, minus IRQ CPUs");
        assertEquals("10-19,30-39", resolved.get("remote-node"));
        assertEquals("1-4,6-9,11-14,16-39", resolved.get("non-irq"));
        assertEquals("3", resolved.get("3"));
        assertEquals("nvme0n1", plan.experiments().get(0).topology().disk());
    }

    @Test
    void hostKnobsArePlannedWithoutBeingApplied() throws Exception {
        Plan plan = plan(Fixtures.SERVER, """
                experiments:
                  - name: knobs
                    target: {kind: scratch, path: /data/scratch.dat, size: 1g}
                    workload: {kind: fio}
                    cpus: non-irq
                    host:
                      irqbalance: stop
                      drop_caches: true
                      turbo: off
                      governor: performance
                      max_idle_latency_us: 0
                      nvme_queues: {default: 4, poll: 36, irq_cpus: "0,5,10,15", attempts: 3}
                """);
        ExperimentPlan e = plan.experiments().get(0);
        String changes = String.join("\n", e.hostChanges());
        assertTrue(changes.contains("irqbalance"), changes);
        assertTrue(changes.contains("poll_queues=36"), changes);
        assertTrue(changes.contains("drop the page cache"), changes);
        assertTrue(changes.contains("resolved again after these changes"), changes);
        assertTrue(changes.contains("CPU 39 idle latency limit: /sys/devices/system/cpu/cpu39/power/pm_qos_resume_latency_us"
                + " 0 -> n/a (idle states left: POLL)"), changes);
        assertEquals(3 + 40 + 40, e.knobs().size(), "irqbalance, nvme, turbo, one governor and one idle knob per CPU");
        assertEquals("powersave\n", java.nio.file.Files.readString(
                Fixtures.SERVER.path("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")), "plan changed nothing");
    }

    @Test
    void sweptHostSettingsArePlannedPerRunAndKeptOutOfTheWorkload() throws Exception {
        Plan plan = plan(Fixtures.SERVER, """
                experiments:
                  - name: idle
                    target: {kind: scratch, path: /data/scratch.dat, size: 1g}
                    workload: {kind: fio}
                    sweep:
                      host.max_idle_latency_us: [leave, 10]
                      iodepth: [1]
                """);
        ExperimentPlan e = plan.experiments().get(0);
        assertTrue(e.knobs().isEmpty(), "nothing is changed for the whole experiment");
        String changes = String.join("\n", e.hostChanges());
        assertTrue(changes.contains("runs with host.max_idle_latency_us=leave: the host as it is"), changes);
        assertTrue(changes.contains("runs with host.max_idle_latency_us=10: CPU 0 idle latency limit: "
                + "/sys/devices/system/cpu/cpu0/power/pm_qos_resume_latency_us 0 -> 10 (idle states left: POLL, C1, C1E)"
                + " and 39 more like it (journaled, restored after each run)"), changes);
        RunSpec second = e.runs().get(1);
        assertEquals(java.util.Map.of("host.max_idle_latency_us", 10), second.hostSwept());
        assertEquals(10, second.params().get("host.max_idle_latency_us"));
        assertTrue(second.workload().options().keySet().stream().noneMatch(k -> k.startsWith("host.")));
        assertTrue(second.runId().startsWith("maxidlelatencyus-10_iodepth-1_r1_"), second.runId());
        assertEquals("max_idle_latency_us=10 qd=1", second.label());
    }

    @Test
    void theIdleLatencyLimitGoesToTheCpuSetItNames() throws Exception {
        Plan plan = plan(Fixtures.SERVER, """
                experiments:
                  - name: idle
                    target: {kind: scratch, path: /data/scratch.dat, size: 1g}
                    workload: {kind: fio}
                    host: {max_idle_latency_us: 0, max_idle_latency_cpus: irq}
                """);
        ExperimentPlan e = plan.experiments().get(0);
        assertEquals(List.of("CPU 0 idle latency limit", "CPU 5 idle latency limit", "CPU 10 idle latency limit",
                "CPU 15 idle latency limit"), e.knobs().stream().map(k -> k.plan().split(":")[0]).toList(),
                "the IRQ CPUs of nvme0n1 only");
    }

    @Test
    void placementsTheHostCannotOfferAreRefusedAtPlanTime() {
        HostException e = assertThrows(HostException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: remote
                    workload: {kind: fio}
                    cpus: remote-node
                """));
        assertTrue(e.getMessage().startsWith("experiment 'remote': cpus: 'remote-node' cannot be placed on this host"),
                e.getMessage());
    }

    @Test
    void ringbenchFlagCombinationsTheKernelRefusesFailAtPlanTime() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: rb
                    workload: {kind: ringbench}
                    sweep:
                      defer_taskrun: [false, true]
                """));
        assertEquals("experiments.yaml:2:5: experiment 'rb' run {defer_taskrun=true}: defer_taskrun needs "
                + "single_issuer: true (the kernel refuses DEFER_TASKRUN alone)", e.getMessage());
    }

    @Test
    void anExplicitCpuListKeepsItsOrderForToolsThatPlaceThreadsByPosition() throws Exception {
        Plan plan = plan(Fixtures.SERVER, """
                experiments:
                  - name: ct
                    target: {kind: scratch, path: /data/scratch.dat, size: 1g}
                    workload: {kind: ringbench, mode: completion-thread}
                    sweep:
                      cpus: ["3,1", "1,3", "6-7,2", irq]
                """);
        List<List<Integer>> orders = plan.experiments().get(0).runs().stream().map(r -> r.cpuOrder()).toList();
        assertEquals(List.of(List.of(3, 1), List.of(1, 3), List.of(6, 7, 2), List.of(0, 5, 10, 15)), orders);
        assertEquals("1,3", CpuList.format(plan.experiments().get(0).runs().get(0).cpus()), "taskset gets the set");
        assertEquals(List.of(2, 0, 1), CpuList.parseInOrder("2,0-1,2"));
    }

    @Test
    void submitBatchIsRefusedForStallModeOnly() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: rb
                    workload: {kind: ringbench, mode: stall}
                    sweep:
                      submit_batch: [1, 4]
                """));
        assertEquals("experiments.yaml:2:5: experiment 'rb' run {submit_batch=4}: mode stall submits one SQE at a"
                + " time: submit_batch does not apply", e.getMessage());
        Plan plan = plan(Fixtures.VM, """
                experiments:
                  - name: rb
                    workload: {kind: ringbench, iodepth: 16}
                    sweep:
                      submit_batch: [0, 1]
                """);
        assertEquals(2, plan.experiments().get(0).runs().size());
    }

    @Test
    void withoutTracefsEveryProbeSaysHowToMountIt() throws Exception {
        Plan plan = plan(Fixtures.VM, """
                experiments:
                  - name: p
                    workload: {kind: fio}
                    probes: [irq_per_cpu, wake_up_state]
                """);
        var probes = plan.experiments().get(0).probes();
        // The recorded VM tree has no tracefs mounted (as on a fresh boot of this VM).
        assertTrue(!probes.get(0).available()
                && probes.get(0).unavailableReason().contains("mount -t tracefs tracefs /sys/kernel/tracing"), probes.toString());
        assertTrue(!probes.get(1).available() && probes.get(1).unavailableReason().contains("no tracepoint variant"),
                probes.toString());
    }

    @Test
    void ioUringOptionsMayBeZippedWithTheEngineButNotGivenToAnother() throws Exception {
        Plan zipped = plan(Fixtures.VM, """
                experiments:
                  - name: engines
                    workload: {kind: fio}
                    sweep:
                      engine: [psync, libaio, io_uring, io_uring]
                      sqthread_poll: [false, false, false, true]
                    zip: [[engine, sqthread_poll]]
                """);
        assertEquals(4, zipped.totalRuns());
        ConfigException e = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: engines
                    workload: {kind: fio, sqthread_poll: true}
                    sweep:
                      engine: [psync, io_uring]
                """));
        assertEquals("experiments.yaml:2:5: experiment 'engines' run {engine=psync}: workload.sqthread_poll applies only"
                + " to engine io_uring, not psync (zip it with engine, or use exclude)", e.getMessage());
    }

    @Test
    void freeFormKindsRefuseARunWhereTheOffendingOptionIsWritten() {
        ConfigException written = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: cmd
                    workload:
                      kind: command
                      program: dd
                      parse: {regex: "(?<a>1)", stream: both}
                """));
        assertEquals("experiments.yaml:6:33: experiment 'cmd': workload.parse.stream: 'both' is not stdout or stderr",
                written.getMessage());
        ConfigException swept = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: cmd
                    workload: {kind: command, program: dd}
                    sweep:
                      invocations: [1, 0]
                """));
        assertEquals("experiments.yaml:5:7: experiment 'cmd' run {invocations=0}: workload.invocations: '0' is not a"
                + " positive integer", swept.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> plan(Fixtures.VM, """
                experiments:
                  - name: db
                    workload: {kind: db_bench, batchsize: 8}
                """));
        assertEquals("experiments.yaml:3:32: experiment 'db': workload: unknown db_bench option 'batchsize' (put other"
                + " db_bench flags under extra:)", unknown.getMessage());
    }

    @Test
    void runIdsIgnoreKeyOrderButNotValues() throws Exception {
        String a = "experiments:\n  - name: e\n    workload: {kind: fio, iodepth: 4, bs: 4k}\n    sweep: {cpus: [irq]}\n";
        String b = "experiments:\n  - name: e\n    workload: {kind: fio, bs: 4k, iodepth: 4}\n    sweep: {cpus: [irq]}\n";
        String c = "experiments:\n  - name: e\n    workload: {kind: fio, bs: 8k, iodepth: 4}\n    sweep: {cpus: [irq]}\n";
        String idA = plan(Fixtures.VM, a).experiments().get(0).runs().get(0).runId();
        assertEquals(idA, plan(Fixtures.VM, b).experiments().get(0).runs().get(0).runId(), "same run, keys reordered");
        assertTrue(!idA.equals(plan(Fixtures.VM, c).experiments().get(0).runs().get(0).runId()), "bs changed: a new run");
    }
}
