package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

/**
 * One change to the host. {@link #apply} journals the old value (fsync'd) before it changes
 * anything, so every knob can be undone from its journal entry alone ({@link Restorer}).
 */
public interface HostKnob {

    /** Journal kind, e.g. irq-affinity, nvme-queues. */
    String kind();

    /** The file (or module, service) it changes. */
    String target();

    /** One line for {@code uringlab plan}: the current value and what it becomes. Changes nothing. */
    String plan();

    /** Refusals knowable without changing anything (not root, absent file, mounted device); throws the first. */
    void check() throws HostException;

    /** Journals the old value, then makes the change; a kernel refusal leaves the host as it was. */
    void apply(Journal journal) throws HostException;
}
