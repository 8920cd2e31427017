package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The real-host parts shared by the BCC integration tests: prerequisites, disk IRQs, a pinned fio run. */
final class BccWorkload {

    /** Under /var/tmp, not the JUnit temp dir: the data file must sit on the disk whose IRQs are counted. */
    static final Path DATA_DIR = Path.of("/var/tmp/uringlab-bcc-it");

    private BccWorkload() {
    }

    /** Root, fio, taskset, tracefs, and a BCC that can compile here; returns the fio binary. */
    static Path requireHost() {
        Path fio = Prerequisites.requireTool("fio");
        Prerequisites.requireTool("taskset");
        Prerequisites.requireRoot();
        Prerequisites.require(HostProbeSupport.detect(HostFs.real()).tracefsMounted(), HostProbeSupport.TRACEFS_HINT);
        Optional<String> bcc = BccBackend.system().preflight();
        Prerequisites.require(bcc.isEmpty(), bcc.orElse("") + " (make test runs scripts/install-bcc.sh)");
        return fio;
    }

    static List<ResolvedProbe> resolve(List<String> ids) {
        HostProbeSupport host = HostProbeSupport.detect(HostFs.real());
        ProbeCatalog catalog = ProbeCatalog.builtin();
        List<ResolvedProbe> resolved = new ArrayList<>();
        for (String id : ids) {
            resolved.add(ProbeResolver.resolve(catalog.find(id).orElseThrow(), host, Optional.empty()));
        }
        return resolved;
    }

    /** IRQ numbers of the disk holding {@link #DATA_DIR}, as the orchestrator finds them. */
    static List<Integer> diskIrqs() throws Exception {
        Files.createDirectories(DATA_DIR);
        BlockDeviceLocator locator = new BlockDeviceLocator(HostFs.real());
        List<Integer> irqs = new ArrayList<>();
        for (String disk : locator.disksForPath(DATA_DIR.toString())) {
            locator.irqsOf(disk).stream().map(DeviceIrq::irq).forEach(irqs::add);
        }
        Prerequisites.require(!irqs.isEmpty(), "no IRQs found for the disk of " + DATA_DIR);
        return irqs;
    }

    /** fio 4k O_DIRECT randread on a 64 MiB file, pinned with taskset; returns the IOs it completed. */
    static long runFio(Path fio, Path outDir, int cpu, int iodepth, int seconds) throws Exception {
        Files.createDirectories(DATA_DIR);
        Path json = outDir.resolve("fio-" + System.nanoTime() + ".json");
        List<String> cmd = List.of("taskset", "-c", Integer.toString(cpu), fio.toString(), "--name=bcc-it",
                "--filename=" + DATA_DIR.resolve("data.dat"), "--size=64M", "--rw=randread", "--bs=4k", "--direct=1",
                "--ioengine=io_uring", "--iodepth=" + iodepth, "--runtime=" + seconds, "--time_based",
                "--output-format=json");
        try (ChildProcess child = ChildProcess.start("fio", cmd, json, outDir.resolve("fio.err"), outDir)) {
            OptionalInt code = child.waitFor(Duration.ofSeconds(120));
            assertEquals(OptionalInt.of(0), code, "fio: " + child.stderrTail(3));
        }
        JsonNode job = new ObjectMapper().readTree(json.toFile()).path("jobs").path(0);
        return job.path("read").path("total_ios").asLong();
    }

    static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }
}
