package dev.uringlab.orchestrator.lab;

import java.util.function.Supplier;

/**
 * KVM when it works, else TCG. "Works" is decided by booting the kernel under KVM for a few
 * seconds: /dev/kvm can open fine and the guest still hang in its firmware (as on nested
 * Firecracker hosts), so the device's presence alone proves nothing.
 */
public final class AccelChooser {

    /** Outcome of the short KVM boot: {@code ok}, with what was seen or why it failed. */
    public record ProbeResult(boolean ok, String detail) {
    }

    private AccelChooser() {
    }

    /**
     * @param requested auto, kvm or tcg (from --accel)
     * @param kvmDevice whether /dev/kvm exists and is readable and writable
     * @param probe     the short KVM boot, called only when it can decide something
     */
    public static Accel.Choice choose(String requested, boolean kvmDevice, Supplier<ProbeResult> probe)
            throws LabException {
        switch (requested) {
            case "tcg":
                return new Accel.Choice(Accel.TCG, "--accel tcg");
            case "kvm":
                if (!kvmDevice) {
                    throw LabException.failed("--accel kvm: /dev/kvm is missing or not writable here; use --accel auto "
                            + "or tcg");
                }
                return new Accel.Choice(Accel.KVM, "--accel kvm");
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("accel " + requested);
        }
        if (!kvmDevice) {
            return new Accel.Choice(Accel.TCG, "no usable /dev/kvm; timings are not meaningful, counts are");
        }
        ProbeResult result = probe.get();
        if (result.ok()) {
            return new Accel.Choice(Accel.KVM, result.detail());
        }
        return new Accel.Choice(Accel.TCG, "KVM did not work here: " + result.detail()
                + "; timings are not meaningful, counts are");
    }
}
