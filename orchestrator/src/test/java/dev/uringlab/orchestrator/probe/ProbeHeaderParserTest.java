package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeHeaderParserTest {

    private static final String HEADER = """
            // @id: demo
            // @counts: demo calls
            // @thesis: 4.1.3
            // @keys: cpu
            // @output: per-cpu
            // @usage: run it
            // @sample: {}
            """;

    private static final String VALID = HEADER + """
            // @variant: kprobe requires=kprobe:demo meaning=every demo() call
            kprobe:demo { @demo[cpu] = count(); }
            // @variant: tracepoint requires=tracepoint:ipi:ipi_send_cpu,tracepoint:irq:irq_handler_entry meaning=IPIs and IRQs
            tracepoint:ipi:ipi_send_cpu { @demo_ipi[cpu] = count(); }
            tracepoint:irq:irq_handler_entry { @demo_irq[cpu] = count(); }
            """;

    @Test
    void parsesHeaderAndVariants() {
        ProbeDefinition p = ProbeHeaderParser.parse("demo.bt", VALID);
        assertEquals("demo", p.id());
        assertEquals("per-cpu", p.output());
        assertEquals(List.of("kprobe", "tracepoint"), p.variantNames());
        ProbeVariant tp = p.variant("tracepoint").orElseThrow();
        assertEquals(List.of("tracepoint:ipi:ipi_send_cpu", "tracepoint:irq:irq_handler_entry"), tp.requires());
        assertEquals("IPIs and IRQs", tp.meaning());
        assertEquals("kprobe:demo { @demo[cpu] = count(); }\n", p.variant("kprobe").orElseThrow().body());
    }

    @Test
    void errorsNameFileAndLine() {
        assertError("demo.bt:8: expected // @variant: <name> requires=<probe>[,<probe>] meaning=<text>",
                HEADER + "// @variant: kprobe kprobe:demo\nkprobe:demo { @demo = count(); }\n");
        assertError("demo.bt:2: unknown header key @cnt", "// @id: demo\n// @cnt: x\n");
        assertError("demo.bt:8: unknown variant kfunc (use kprobe or tracepoint)",
                HEADER + "// @variant: kfunc requires=kprobe:demo meaning=x\nkprobe:demo { @demo = count(); }\n");
        assertError("demo.bt:8: bad requirement ipi_send_cpu (kprobe:<fn>, kretprobe:<fn> or tracepoint:<group>:<event>)",
                HEADER + "// @variant: tracepoint requires=ipi_send_cpu meaning=x\nkprobe:demo { @demo = count(); }\n");
        assertError("demo.bt:8: bpftrace code before the first // @variant: line", HEADER + "kprobe:demo {}\n");
        assertError("demo.bt:8: variant kprobe uses BEGIN/END, which merged programs cannot share",
                HEADER + "// @variant: kprobe requires=kprobe:demo meaning=x\nBEGIN { }\nkprobe:demo { @demo = count(); }\n");
        assertError("demo.bt:8: variant kprobe requires kprobe:other but its body does not attach to it",
                HEADER + "// @variant: kprobe requires=kprobe:other meaning=x\nkprobe:demo { @demo = count(); }\n");
        assertError("demo.bt:10: duplicate variant kprobe", VALID.replace("tracepoint requires", "kprobe requires"));
    }

    @Test
    void headerAndMapNamesAreChecked() {
        assertError("demo.bt:1: missing header line // @thesis: ...", VALID.replace("// @thesis: 4.1.3\n", ""));
        assertError("other.bt:1: @id demo does not match the file name", "other.bt", VALID);
        assertError("demo.bt:1: @output must be one of", VALID.replace("@output: per-cpu", "@output: table"));
        assertError("demo.bt:1: variant kprobe writes no map named @demo or @demo_<suffix>",
                VALID.replace("@demo[cpu]", "@x[cpu]"));
        assertError("demo.bt:17: no // @variant: line", HEADER + "// just comments\n\n// more\n\n\n\n\n\n\n");
    }

    private static void assertError(String expectedPrefix, String text) {
        assertError(expectedPrefix, "demo.bt", text);
    }

    private static void assertError(String expectedPrefix, String file, String text) {
        ProbeFormatException e = assertThrows(ProbeFormatException.class, () -> ProbeHeaderParser.parse(file, text));
        if (!e.getMessage().startsWith(expectedPrefix)) {
            throw new AssertionError("expected message starting with <" + expectedPrefix + "> but was <" + e.getMessage() + ">");
        }
    }
}
