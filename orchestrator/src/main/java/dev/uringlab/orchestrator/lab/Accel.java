package dev.uringlab.orchestrator.lab;

/** How QEMU runs the guest's CPUs; {@code label} is what manifests record as host.emulated. */
public enum Accel {
    KVM("kvm", "host", "qemu-kvm"),
    TCG("tcg", "max", "qemu-tcg");

    private final String qemuName;
    private final String cpuModel;
    private final String label;

    Accel(String qemuName, String cpuModel, String label) {
        this.qemuName = qemuName;
        this.cpuModel = cpuModel;
        this.label = label;
    }

    public String qemuName() {
        return qemuName;
    }

    public String cpuModel() {
        return cpuModel;
    }

    public String label() {
        return label;
    }

    /** The choice and the reason for it, printed before the guest boots. */
    public record Choice(Accel accel, String reason) {
        public String describe() {
            return accel.label() + " (" + reason + ")";
        }
    }
}
