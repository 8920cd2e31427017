package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LabNeeds;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.lab.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A claim file with a {@code lab:} key is measurable only in its lab guest: {@code reproduce} on
 * any other host lists its claims as not measurable, with the reason and the command, and runs nothing.
 */
class ReproduceLabMarkingTest {

    private static final Set<String> PRESETS = Set.copyOf(TopologyLoader.PRESETS);

    private static String labClaim(String lab) {
        return lab + """
                experiments:
                  - name: lab-claim
                    target: {kind: device, path: /dev/nvme9n9}
                    workload: {kind: ringbench, rw: randread, bs: 4k, iodepth: 16, runtime: 1}
                    repetitions: 2
                    probes: [block_softirq]
                    expect:
                      - {claim: softirq per I/O, source: thesis §4.1, metric: block_softirq_per_io, effect: "> 0.02"}
                      - {claim: a second claim, source: s, metric: iops, effect: "> 0"}
                """;
    }

    @Test
    void reproduceHereMarksLabClaimsNotMeasurableAndRunsNothing(@TempDir Path dir) throws Exception {
        Path suite = Files.createDirectories(dir.resolve("claims"));
        Files.writeString(suite.resolve("one.yaml"), labClaim("""
                lab:
                  preset: one-queue
                  needs: an NVMe controller with a single I/O queue
                  setup: ["touch %s"]
                """.formatted(dir.resolve("setup-ran"))));
        Path results = dir.resolve("results");
        assertEquals(ExitCodes.OK, Main.execute("reproduce", suite.toString(), "--results", results.toString(),
                "--fail-on", "not-reproduced"));
        List<Map<String, String>> rows = SweepIT.readCsv(results.resolve("reproduce.csv"));
        assertEquals(2, rows.size(), rows.toString());
        for (Map<String, String> row : rows) {
            assertEquals("not measurable here", row.get("verdict"));
            assertEquals("needs the lab guest 'one-queue': an NVMe controller with a single I/O queue"
                    + " — run `uringlab reproduce --lab one-queue`", row.get("detail"));
            assertEquals("0", row.get("runs"));
            assertEquals("", row.get("report"));
        }
        assertEquals("softirq per I/O", rows.get(0).get("claim"));
        assertFalse(Files.exists(results.resolve("lab-claim")), "a lab claim ran on this host");
        assertFalse(Files.exists(dir.resolve("setup-ran")), "a lab claim's setup ran outside its guest");
    }

    @Test
    void setupIsRefusedOutsideAGuestAndRunsInOne(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("formatted");
        LabNeeds needs = new LabNeeds("thesis-in-small", "ext4", List.of("touch " + marker), null);
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        Optional<String> refused = GuestSetup.run(needs, Map.of(), out);
        assertTrue(refused.orElse("").startsWith("lab.setup refused: this is not a lab guest"), refused.toString());
        assertFalse(Files.exists(marker));
        assertEquals(Optional.empty(), GuestSetup.run(needs, Map.of("emulated", "qemu-tcg"), out));
        assertTrue(Files.exists(marker));
        LabNeeds failing = new LabNeeds("thesis-in-small", "ext4", List.of("echo no ext4 >&2; exit 3"), null);
        assertEquals(Optional.of("lab.setup `echo no ext4 >&2; exit 3` exited 3: no ext4"),
                GuestSetup.run(failing, Map.of("emulated", "qemu-tcg"), out));
    }

    @Test
    void aGuestsSummaryRowSaysItIsEmulated() {
        String host = ReproduceSummary.host(Fixtures.VM, Map.of("emulated", "qemu-tcg", "lab_topology",
                "one-queue: 4 CPUs in 1 NUMA node, 2048 MiB, nvme lab0 1 queue pair"));
        assertTrue(host.matches("emulated lab guest one-queue \\(qemu-tcg, Linux [^;]+; counts real, timings not\\)"), host);
        assertFalse(ReproduceSummary.host(Fixtures.VM, Map.of()).contains("emulated"));
    }

    @Test
    void badLabKeysAreRefusedWithTheirPosition() {
        ConfigException preset = assertThrows(ConfigException.class, () -> LabNeeds.parse("c.yaml",
                "lab: {preset: one-queu, needs: x}\nexperiments: []\n", PRESETS));
        assertTrue(preset.getMessage().startsWith("c.yaml:1:15: lab.preset: unknown preset 'one-queu'"), preset.getMessage());
        assertTrue(preset.getMessage().contains("did you mean 'one-queue'"), preset.getMessage());
        ConfigException needs = assertThrows(ConfigException.class, () -> LabNeeds.parse("c.yaml",
                "lab: {preset: one-queue}\n", PRESETS));
        assertTrue(needs.getMessage().contains("lab: needs 'needs:'"), needs.getMessage());
        ConfigException key = assertThrows(ConfigException.class, () -> LabNeeds.parse("c.yaml",
                "lab: {preset: one-queue, needs: x, setpu: []}\n", PRESETS));
        assertTrue(key.getMessage().contains("unknown key 'setpu' in lab"), key.getMessage());
    }

    @Test
    void labAsksForAPresetSomeClaimNeeds(@TempDir Path dir) throws Exception {
        Path suite = Files.createDirectories(dir.resolve("claims"));
        Files.writeString(suite.resolve("one.yaml"), labClaim("lab: {preset: one-queue, needs: one queue}\n"));
        String results = dir.resolve("r").toString();
        assertEquals(ExitCodes.USAGE, Main.execute("reproduce", suite.toString(), "--results", results, "--lab", "nvme-2node"));
        assertEquals(ExitCodes.USAGE, Main.execute("reproduce", suite.toString(), "--results", results, "--lab", "two-queue"));
        assertEquals(ExitCodes.USAGE, Main.execute("reproduce", suite.toString(), "--results", results, "--lab", "one-queue",
                "--accel", "fast"));
        assertFalse(Files.exists(dir.resolve("r").resolve("lab-one-queue")), "a refused --lab booted nothing");
    }

    @Test
    void shippedLabClaimsNameTheirPresetAndTheHostOnesDoNot() throws Exception {
        Path claims = Path.of("..").toAbsolutePath().normalize().resolve("experiments/claims");
        int lab = 0;
        try (Stream<Path> files = Files.list(claims)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Optional<LabNeeds> needs = LabNeeds.read(f, PRESETS);
                assertEquals(f.getFileName().toString().startsWith("lab-"), needs.isPresent(),
                        f + ": lab claim files are named lab-*.yaml, and only they have a lab: key");
                lab += needs.isPresent() ? 1 : 0;
            }
        }
        assertTrue(lab >= 3, "the one-queue, two-queue and -EAGAIN lab claims");
    }
}
