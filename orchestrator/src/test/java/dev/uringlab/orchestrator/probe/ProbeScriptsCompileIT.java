package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every variant of every probe with {@code bpftrace --emit-elf}, which needs no
 * attach, so kprobe variants are checked even on this VM without kprobes. (0.17 only warns
 * "is not traceable" for kprobes it cannot attach and still writes the ELF.)
 */
class ProbeScriptsCompileIT {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyVariantCompiles() {
        Path bpftrace = Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        List<DynamicTest> tests = new ArrayList<>();
        for (ProbeDefinition probe : ProbeCatalog.builtin().all()) {
            for (ProbeVariant variant : probe.variants()) {
                String name = probe.id() + "-" + variant.name();
                tests.add(DynamicTest.dynamicTest(name, () -> compile(bpftrace, probe, variant, name)));
            }
        }
        // Everything at once too: proves the map names do not clash when merged.
        tests.add(DynamicTest.dynamicTest("all-tracepoint-variants-merged", () -> {
            List<ResolvedProbe> all = new ArrayList<>();
            for (ProbeDefinition probe : ProbeCatalog.builtin().all()) {
                probe.variant("tracepoint").ifPresent(v -> all.add(new ResolvedProbe(probe.id(), v.name(), v.meaning(), v.body(), null)));
            }
            emitElf(bpftrace, BpftraceProgram.merge(all, Map.of(BpftraceProgram.IRQS, "$irq == 36")), "merged");
        }));
        return tests.stream();
    }

    private void compile(Path bpftrace, ProbeDefinition probe, ProbeVariant variant, String name) throws Exception {
        ResolvedProbe resolved = new ResolvedProbe(probe.id(), variant.name(), variant.meaning(), variant.body(), null);
        emitElf(bpftrace, BpftraceProgram.merge(List.of(resolved), Map.of(BpftraceProgram.IRQS, "$irq == 36")), name);
    }

    private void emitElf(Path bpftrace, String program, String name) throws Exception {
        Path script = Files.writeString(tmp.resolve(name + ".bt"), program);
        Path elf = tmp.resolve(name + ".o");
        try (ChildProcess child = ChildProcess.start("bpftrace",
                List.of(bpftrace.toString(), "--emit-elf", elf.toString(), script.toString()),
                tmp.resolve(name + ".out"), tmp.resolve(name + ".err"), tmp)) {
            OptionalInt code = child.waitFor(Duration.ofSeconds(60));
            assertTrue(code.isPresent(), name + ": bpftrace --emit-elf did not finish in 60 s");
            assertEquals(0, code.getAsInt(), name + ": " + child.stderrTail(4));
            assertTrue(Files.size(elf) > 0, name + ": empty ELF");
        }
    }
}
