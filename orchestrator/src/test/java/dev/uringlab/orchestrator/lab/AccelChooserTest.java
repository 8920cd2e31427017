package dev.uringlab.orchestrator.lab;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both branches of the KVM/TCG choice, without depending on what this machine's KVM does. */
class AccelChooserTest {

    @Test
    void kvmWhenTheTestBootWorks() throws LabException {
        Accel.Choice c = AccelChooser.choose("auto", true, () -> new AccelChooser.ProbeResult(true, "KVM reached the kernel in 0.3 s"));
        assertEquals(Accel.KVM, c.accel());
        assertEquals("qemu-kvm (KVM reached the kernel in 0.3 s)", c.describe());
    }

    @Test
    void tcgWhenTheTestBootHangs() throws LabException {
        Accel.Choice c = AccelChooser.choose("auto", true,
                () -> new AccelChooser.ProbeResult(false, "a KVM guest printed nothing within 6 s"));
        assertEquals(Accel.TCG, c.accel());
        assertEquals("qemu-tcg (KVM did not work here: a KVM guest printed nothing within 6 s; timings are not "
                + "meaningful, counts are)", c.describe());
    }

    @Test
    void noDeviceMeansTcgWithoutProbing() throws LabException {
        AtomicInteger probes = new AtomicInteger();
        Accel.Choice c = AccelChooser.choose("auto", false, () -> {
            probes.incrementAndGet();
            return new AccelChooser.ProbeResult(true, "");
        });
        assertEquals(Accel.TCG, c.accel());
        assertEquals(0, probes.get());
    }

    @Test
    void explicitChoicesSkipTheProbe() throws LabException {
        assertEquals(Accel.TCG, AccelChooser.choose("tcg", true, () -> { throw new AssertionError("probed"); }).accel());
        assertEquals(Accel.KVM, AccelChooser.choose("kvm", true, () -> { throw new AssertionError("probed"); }).accel());
        LabException e = assertThrows(LabException.class, () -> AccelChooser.choose("kvm", false, () -> null));
        assertTrue(e.getMessage().startsWith("--accel kvm: /dev/kvm is missing"), e.getMessage());
    }
}
