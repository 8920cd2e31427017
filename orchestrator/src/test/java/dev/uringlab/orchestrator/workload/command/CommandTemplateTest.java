package dev.uringlab.orchestrator.workload.command;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTemplateTest {

    private static final Map<String, String> RUN = Map.of("iodepth", "16", "target", "/var/tmp/s.dat",
            "file_size", "64k", "run_dir", "/r/x");

    @Test
    void placeholdersFiltersAndEscapes() {
        assertEquals("--qd=16 --file=/var/tmp/s.dat", CommandTemplate.render("--qd={iodepth} --file={target}", RUN));
        assertEquals("bs=65536", CommandTemplate.render("bs={file_size:bytes}", RUN));
        assertEquals("{iodepth} is 16", CommandTemplate.render("{{iodepth}} is {iodepth}", RUN));
        assertEquals(Set.of("iodepth", "target"), CommandTemplate.names("{{run_dir}} {iodepth}{target}"));
    }

    @Test
    void shellBracesAreLeftAlone() {
        String awk = "awk '{print $1}' {target}; find . -exec rm {} \\; ; echo ${HOME}";
        assertEquals("awk '{print $1}' /var/tmp/s.dat; find . -exec rm {} \\; ; echo ${HOME}", CommandTemplate.render(awk, RUN));
        assertEquals(Set.of("target"), CommandTemplate.names(awk), "shell's ${HOME} is no placeholder");
    }

    @Test
    void unknownNamesAndNonSizes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandTemplate.render("{nope}", RUN))
                .getMessage().contains("write {{nope}} for the literal text"));
        assertEquals("'{iodepth:bytes}': '16' is not a size", assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.render("{iodepth:bytes}x", Map.of("iodepth", "1x6"))).getMessage()
                .replace("1x6", "16"));
    }
}
