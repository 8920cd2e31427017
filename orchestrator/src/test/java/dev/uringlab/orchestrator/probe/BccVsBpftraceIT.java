package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pinned fio workload under each backend: the counts per IO must agree. Counts are
 * system-wide, so another workload on the host (a parallel test run) can skew one run; a pair
 * is therefore retried up to {@link #ATTEMPTS} times and one clean agreeing pair is required.
 */
class BccVsBpftraceIT {

    private static final List<String> PROBES = List.of("io_uring_enter", "irq_per_cpu", "fget", "ring_flags");
    private static final int CPU = 0;
    private static final int ATTEMPTS = 3;
    private static final double TOLERANCE = 0.20;

    @TempDir
    Path tmp;

    @Test
    void bothBackendsCountTheSameWorkloadAlike() throws Exception {
        Path fio = BccWorkload.requireHost();
        Path bpftrace = Prerequisites.requireTool("bpftrace");
        List<ResolvedProbe> resolved = BccWorkload.resolve(PROBES);
        List<Integer> irqs = BccWorkload.diskIrqs();
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, Double> bt = perIo(ProbeBackend.bpftrace(bpftrace.toString()), fio, resolved, irqs, "bt" + attempt);
            Map<String, Double> bcc = perIo(BccBackend.system(), fio, resolved, irqs, "bcc" + attempt);
            System.out.println("BccVsBpftraceIT attempt " + attempt + ": per IO bpftrace " + bt + " bcc " + bcc);
            List<String> off = new ArrayList<>();
            for (String metric : bt.keySet()) {
                double a = bt.get(metric);
                double b = bcc.get(metric);
                if (a <= 0 || Math.abs(b - a) / a > TOLERANCE) {
                    off.add(metric + " bpftrace " + a + " vs bcc " + b);
                }
            }
            if (off.isEmpty()) {
                return;
            }
            failures.add("attempt " + attempt + ": " + String.join(", ", off));
        }
        assertTrue(false, "per-IO counts differ by more than " + (int) (TOLERANCE * 100) + "%: " + String.join("; ", failures));
    }

    /** Counts per fio IO; per-CPU probes only on the workload's CPU, where other load rarely runs. */
    private Map<String, Double> perIo(ProbeBackend backend, Path fio, List<ResolvedProbe> probes, List<Integer> irqs,
            String name) throws Exception {
        Path runDir = tmp.resolve(name);
        long ios;
        BpftraceMaps maps;
        try (ProbeSession session = backend.start(probes, irqs, runDir, Duration.ofSeconds(60))) {
            ios = BccWorkload.runFio(fio, runDir, CPU, 4, 1);
            maps = session.stop();
        }
        Map<String, Map<String, Long>> byProbe = maps.byProbe(PROBES);
        assertTrue(ios > 1000, name + ": fio IOs " + ios);
        assertTrue(byProbe.get("ring_flags").getOrDefault("12552", 0L) >= 1, name + ": fio's ring " + byProbe.get("ring_flags"));
        Map<String, Double> perIo = new LinkedHashMap<>();
        perIo.put("io_uring_enter@cpu" + CPU, byProbe.get("io_uring_enter").getOrDefault(Integer.toString(CPU), 0L) / (double) ios);
        perIo.put("fget@cpu" + CPU, byProbe.get("fget").getOrDefault(Integer.toString(CPU), 0L) / (double) ios);
        perIo.put("irq_per_cpu", BccWorkload.sum(byProbe.get("irq_per_cpu")) / (double) ios);
        // Remote wake-up IPIs are left out of the comparison: their rate swings with whatever else runs on
        // the IRQ CPU (measured here: 0.006 to 0.25 per IO between back-to-back runs of one backend).
        perIo.replaceAll((k, v) -> Math.round(v * 10000) / 10000.0);
        return perIo;
    }
}
