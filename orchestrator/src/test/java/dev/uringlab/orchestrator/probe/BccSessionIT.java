package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.testing.HostCapability;
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
        HostProbeSupport host = HostProbeSupport.detect(HostFs.real());
        WhereAvailable.check(resolved, byProbe, Map.of(
                "io_uring_enter", c -> {
                    assertTrue(BccWorkload.sum(c) > 100, "io_uring_enter: " + c);
                    // Keys are printed as bpftrace would: CPU numbers, not addresses.
                    assertTrue(c.keySet().stream().allMatch(k -> k.matches("\\d+")), c.toString());
                },
                "irq_per_cpu", c -> assertTrue(BccWorkload.sum(c) > 0, "irq_per_cpu: " + c),
                "fget", c -> assertTrue(BccWorkload.sum(c) >= ios / 2, "fget: " + c),
                "ipi_by_callsite", c -> {
                    assertTrue(BccWorkload.sum(c) > 0, "ipi_by_callsite: " + c);
                    // Symbol names, as bpftrace's ksym() prints them.
                    assertTrue(c.keySet().stream().noneMatch(k -> k.startsWith("0x")), c.toString());
                },
                "local_timer", c -> assertTrue(BccWorkload.sum(c) > 0, "local_timer: " + c),
                "block_rq_size", c -> assertTrue(c.getOrDefault("[4096, 8191]", 0L) >= ios / 2, "block_rq_size: " + c),
                "ring_flags", c -> assertTrue(c.getOrDefault("12552", 0L) >= 1, "fio's ring: " + c),
                "wake_up_state", c -> assertTrue(BccWorkload.sum(c) > 0, "wake_up_state: " + c)));
        assertEquals(host.kprobesUsable() && host.hasKernelSymbol("wake_up_state"),
                resolved.get(PROBES.indexOf("wake_up_state")).available(), "the kprobe-only probe runs exactly where kprobes do");
        assertTrue(Files.readString(runDir.resolve("probes.bcc.c")).contains("tp__irq__irq_handler_entry"));
        assertTrue(Files.exists(runDir.resolve("bcc/uringlab_bcc.py")));
    }

    /** Where kprobes do not attach, the runner's failure is one line naming the probe; where they do, it counts. */
    @Test
    void kprobeAttachFailsInOneLineOrCounts() throws Exception {
        Path fio = BccWorkload.requireHost();
        HostProbeSupport host = HostProbeSupport.detect(HostFs.real());
        ProbeVariant kprobe = ProbeCatalog.builtin().find("wake_up_state").orElseThrow().variant("kprobe").orElseThrow();
        List<ResolvedProbe> probes = List.of(new ResolvedProbe("wake_up_state", "kprobe", kprobe.meaning(), kprobe.body(), null),
                BccWorkload.resolve(List.of("io_uring_enter")).get(0));
        HostCapability.either("kprobes", host.kprobesUsable(), () -> {
            BpftraceMaps maps;
            try (ProbeSession session = BccBackend.system().start(probes, List.of(), tmp.resolve("ok"), Duration.ofSeconds(60))) {
                BccWorkload.runFio(fio, tmp, 0, 8, 1);
                maps = session.stop();
            }
            assertTrue(BccWorkload.sum(maps.byProbe(List.of("wake_up_state")).get("wake_up_state")) > 0, maps.toString());
        }, () -> {
            ToolException e = assertThrows(ToolException.class,
                    () -> BccBackend.system().start(probes, List.of(), tmp.resolve("fail"), Duration.ofSeconds(60)));
            System.out.println("BccSessionIT attach failure: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("bcc exited (code 1) before its probes attached: "), e.getMessage());
            assertTrue(e.getMessage().contains("cannot attach kretprobe:wake_up_state"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        });
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
