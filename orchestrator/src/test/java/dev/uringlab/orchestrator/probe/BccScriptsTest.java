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
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BCC twins stay in step with the .bt catalog: same ids, variants and attach points. */
class BccScriptsTest {

    private static final Pattern VARIANT = Pattern.compile("^    \"(kprobe|tracepoint)\": \\{\\s*\\n(?:.*\\n)*?\\s*\"attach\": \"([^\"]+)\"", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void everyCatalogProbeHasATwinWithTheSameVariants() throws Exception {
        ProbeCatalog catalog = ProbeCatalog.builtin();
        assertEquals(new TreeSet<>(catalog.ids()), new TreeSet<>(BccScripts.ids()));
        Path dir = tmp.resolve("bcc");
        BccScripts.extractTo(dir);
        for (ProbeDefinition probe : catalog.all()) {
            String py = Files.readString(dir.resolve(probe.id() + ".py"));
            assertTrue(py.startsWith("#!/usr/bin/python3\n# @id: " + probe.id() + "\n"), probe.id() + ": header");
            Set<String> twin = new TreeSet<>();
            Matcher m = VARIANT.matcher(py);
            while (m.find()) {
                twin.add(m.group(1));
                ProbeVariant bt = probe.variant(m.group(1)).orElseThrow();
                // The .bt's first requirement is its attach point; the twin must attach the same one.
                assertEquals(bt.requires().get(0), m.group(2), probe.id() + " " + m.group(1));
            }
            assertEquals(new TreeSet<>(probe.variantNames()), twin, probe.id());
        }
    }

    /** Generates the C of every variant (no bcc, no root needed): catches Python and template errors. */
    @Test
    void runnerGeneratesOneProgramForAllProbesOfEachVariant() throws Exception {
        Path python = Prerequisites.requireTool("python3");
        Path runner = BccScripts.extractTo(tmp.resolve("bcc"));
        for (String variant : List.of("kprobe", "tracepoint")) {
            List<String> cmd = new ArrayList<>(List.of(python.toString(), "-B", runner.toString(), "--emit-c", "--variant", variant, "--irqs", "36,37"));
            cmd.addAll(new TreeSet<>(BccScripts.ids()));
            Path out = tmp.resolve(variant + ".c");
            try (ChildProcess child = ChildProcess.start("python3", cmd, out, tmp.resolve(variant + ".err"), tmp)) {
                assertEquals(OptionalInt.of(0), child.waitFor(Duration.ofSeconds(30)), child.stderrTail(3));
            }
            String c = Files.readString(out);
            assertTrue(c.contains("#define IRQ_MATCH(irq) ((irq) == 36 || (irq) == 37)"), c);
            // Three probes share ipi:ipi_send_cpu: one function, three bodies.
            if (variant.equals("tracepoint")) {
                int fn = c.indexOf("int tp__ipi__ipi_send_cpu(struct tracepoint__ipi__ipi_send_cpu *args)");
                assertTrue(fn >= 0 && c.indexOf("int tp__ipi__ipi_send_cpu", fn + 1) < 0, c);
                assertTrue(c.contains("/* kick_process (tracepoint) */") && c.contains("/* native_smp_send_reschedule (tracepoint) */"), c);
            } else {
                assertTrue(c.contains("int krp__wake_up_state(struct pt_regs *ctx)"), c);
            }
        }
        assertTrue(Files.list(tmp.resolve("bcc")).noneMatch(p -> p.getFileName().toString().equals("__pycache__")));
    }
}
