package dev.uringlab.orchestrator.config;

/**
 * Where the workload does its I/O. {@code SCRATCH} is a file uringlab creates and fills itself,
 * so the default suite needs no spare disk; {@code DEVICE} is a raw block device, written only
 * when the experiment says {@code destructive: true}.
 */
public record TargetSpec(Kind kind, String path, long sizeBytes, boolean destructive) {

    public static final String DEFAULT_SCRATCH_PATH = "/var/tmp/uringlab/scratch.dat";
    public static final long DEFAULT_SCRATCH_SIZE = 1L << 30;

    public enum Kind {
        SCRATCH, FILE, DEVICE;

        public String yamlName() {
            return name().toLowerCase();
        }
    }

    public static TargetSpec defaultScratch() {
        return new TargetSpec(Kind.SCRATCH, DEFAULT_SCRATCH_PATH, DEFAULT_SCRATCH_SIZE, false);
    }

    public String describe() {
        return switch (kind) {
            case SCRATCH -> "scratch " + path + " (" + Sizes.format(sizeBytes) + ")";
            case FILE -> "file " + path;
            case DEVICE -> "device " + path + (destructive ? " (destructive)" : "");
        };
    }
}
