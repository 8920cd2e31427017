package dev.uringlab.orchestrator.testing;

/**
 * A property of the host that no install step can provide (a cpuidle driver, kprobes, movable IRQs,
 * a CPU free of the disk's interrupts). Unlike a missing tool ({@link Prerequisites}), its absence
 * is neither a skip nor a failure: machines of one kind differ in it from run to run, so a test
 * checks what the product promises either way, the capability's effect where the host has it and
 * the product's refusal where it does not. Which branch ran is printed, so a CI log shows what was
 * covered on that machine.
 */
public final class HostCapability {

    /** A test body that may throw, as JUnit's own executables do. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private HostCapability() {
    }

    public static void either(String capability, boolean present, Check whereItExists, Check whereItIsMissing)
            throws Exception {
        System.out.println("HOST CAPABILITY " + capability + ": " + (present
                ? "present, checking its effect" : "absent, checking the refusal"));
        if (present) {
            whereItExists.run();
        } else {
            whereItIsMissing.run();
        }
    }
}
