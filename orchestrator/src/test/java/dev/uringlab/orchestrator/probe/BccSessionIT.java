package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real BCC (python3-bpfcc), real tracepoints, a real io_uring workload started after attach. */
class BccSessionIT {

    private static final List<String> PROBES = List.of("irq_per_cpu", "ipi_by_callsite", "kick_process",
            "native_smp_send_reschedule", "io_uring_enter", "ring_flags", "fget", "io_uring_queue_async_work",
            "local_timer", "block_rq_size", "tctx_task_work", "wake_up_state");

    @TempDir
    Path tmp;

    @Test
    void countsAWorkloadStartedAfterAttach() throws Exception {
        Path fio = BccWorkload.requireHost();
        List<ResolvedProbe> resolved = BccWorkload.resolve(PROBES);
        List<Integer> irqs = BccWorkload.diskIrqs();
        Path runDir = tmp.resolve("run");

        BpftraceMaps maps;
        long ios;
        try (ProbeSession session = BccBackend.system().start(resolved, irqs, runDir, Duration.ofSeconds(60))) {
            ios = BccWorkload.runFio(fio, tmp, 0, 8, 1);
            maps = session.stop();
        }
        Map<String, Map<String, Long>> byProbe = maps.byProbe(RunIds.available(resolved));
        System.out.println("BccSessionIT: " + ios + " IOs, irqs " + irqs + ", counts " + byProbe);
        assertTrue(ios > 1000, "fio IOs: " + ios);
        assertTrue(BccWorkload.sum(byProbe.get("io_uring_enter")) > 100, "io_uring_enter: " + byProbe.get("io_uring_enter"));
        assertTrue(BccWorkload.sum(byProbe.get("irq_per_cpu")) > 0, "irq_per_cpu: " + byProbe.get("irq_per_cpu"));
        assertTrue(BccWorkload.sum(byProbe.get("fget")) >= ios / 2, "fget: " + byProbe.get("fget"));
        assertTrue(BccWorkload.sum(byProbe.get("ipi_by_callsite")) > 0, "ipi_by_callsite");
        assertTrue(BccWorkload.sum(byProbe.get("local_timer")) > 0, "local_timer");
        assertTrue(byProbe.get("block_rq_size").getOrDefault("[4096, 8191]", 0L) >= ios / 2, "block_rq_size: " + byProbe.get("block_rq_size"));
        assertTrue(byProbe.get("ring_flags").getOrDefault("12552", 0L) >= 1, "fio's ring: " + byProbe.get("ring_flags"));
        // Keys are printed as bpftrace would: CPU numbers and symbol names, not addresses.
        assertTrue(byProbe.get("io_uring_enter").keySet().stream().allMatch(k -> k.matches("\\d+")), byProbe.get("io_uring_enter").toString());
        assertTrue(byProbe.get("ipi_by_callsite").keySet().stream().noneMatch(k -> k.startsWith("0x")), byProbe.get("ipi_by_callsite").toString());
        if (!HostProbeSupport.detect(HostFs.real()).kprobesUsable()) {
            assertFalse(resolved.get(PROBES.indexOf("wake_up_state")).available(), "kprobe-only probe must be skipped here");
        }
        assertTrue(Files.readString(runDir.resolve("probes.bcc.c")).contains("tp__irq__irq_handler_entry"));
        assertTrue(Files.exists(runDir.resolve("bcc/uringlab_bcc.py")));
    }

    @Test
    void attachFailureIsAOneLineToolException() throws Exception {
        BccWorkload.requireHost();
        Prerequisites.require(!HostProbeSupport.detect(HostFs.real()).kprobesUsable(),
                "this host has kprobes, so a kprobe cannot be used to provoke an attach failure");
        List<ResolvedProbe> probes = List.of(new ResolvedProbe("wake_up_state", "kprobe", "m", "b", null),
                new ResolvedProbe("io_uring_enter", "tracepoint", "m", "b", null));
        ToolException e = assertThrows(ToolException.class,
                () -> BccBackend.system().start(probes, List.of(), tmp.resolve("fail"), Duration.ofSeconds(60)));
        System.out.println("BccSessionIT attach failure: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("bcc exited (code 1) before its probes attached: "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot attach kretprobe:wake_up_state"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** Kprobe variants cannot attach here, but they must compile: BPF(text) compiles without attaching them. */
    @Test
    void everyVariantCompilesWithBcc() throws Exception {
        BccWorkload.requireHost();
        Path runner = BccScripts.extractTo(tmp.resolve("bcc"));
        for (String variant : List.of("kprobe", "tracepoint")) {
            List<String> emit = new ArrayList<>(List.of(BccSession.DEFAULT_PYTHON, "-B", runner.toString(), "--emit-c",
                    "--variant", variant, "--irqs", "1"));
            emit.addAll(new TreeSet<>(BccScripts.ids()));
            Path c = tmp.resolve(variant + ".c");
            assertEquals(0, new ProcessBuilder(emit).redirectOutput(c.toFile()).redirectError(tmp.resolve("emit.err").toFile()).start().waitFor());
            // Only tracepoint functions are named for auto-attach by bcc, and these are not: nothing attaches.
            Process compile = new ProcessBuilder(BccSession.DEFAULT_PYTHON, "-B", "-c",
                    "import sys; from bcc import BPF; BPF(text=open(sys.argv[1]).read())", c.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve(variant + ".log").toFile()).start();
            assertEquals(0, compile.waitFor(), variant + ": " + Files.readString(tmp.resolve(variant + ".log")));
        }
    }

    /** Ids of the probes that run, as the run executor passes them to byProbe. */
    static final class RunIds {
        static List<String> available(List<ResolvedProbe> probes) {
            return probes.stream().filter(ResolvedProbe::available).map(ResolvedProbe::id).toList();
        }
    }
}
