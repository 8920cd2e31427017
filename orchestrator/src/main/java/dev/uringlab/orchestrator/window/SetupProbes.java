package dev.uringlab.orchestrator.window;

import java.util.Set;

/**
 * Probes whose events happen only while a workload sets itself up: counted in an I/O window they
 * would always read zero, so a run keeps counting them over the workload's whole process.
 * ring_flags counts io_uring_create, i.e. rings set up, which fio does before its exec_prerun.
 */
public final class SetupProbes {

    public static final Set<String> IDS = Set.of("ring_flags");

    private SetupProbes() {
    }
}
