package dev.uringlab.orchestrator.host.knob;

/**
 * kernel.bpf_stats_enabled = 1 for the sweep: the kernel then times every BPF program run, which
 * is how each run's probe cost is measured. Off by default because the timing adds two clock
 * reads to every program run; journaled and restored like every other host change.
 */
public final class BpfStatsKnob extends FileKnob {

    public static final String FILE = "/proc/sys/kernel/bpf_stats_enabled";

    public BpfStatsKnob(KnobContext ctx) {
        super(ctx, "bpf-stats", FILE, "1");
    }

    @Override
    String what() {
        return "BPF run-time stats";
    }
}
