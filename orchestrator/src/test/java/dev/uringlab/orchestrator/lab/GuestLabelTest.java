package dev.uringlab.orchestrator.lab;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestLabelTest {

    @Test
    void nothingOutsideAGuest() {
        assertTrue(GuestLabel.from(Map.of("PATH", "/bin")).isEmpty());
    }

    @Test
    void aGuestSaysEmulatedTopologyAndKernel() {
        Map<String, Object> label = GuestLabel.from(Map.of(GuestCommand.ENV_EMULATED, "qemu-tcg",
                GuestCommand.ENV_TOPOLOGY, "thesis-in-small: 4 CPUs", GuestCommand.ENV_KERNEL, "6.1.0-56-amd64"));
        assertEquals("qemu-tcg", label.get("emulated"));
        assertEquals("thesis-in-small: 4 CPUs", label.get("lab_topology"));
        assertEquals("6.1.0-56-amd64", label.get("guest_kernel"));
    }
}
