package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes a journal, newest change first. Each step first checks whether the host already holds
 * the old value, and every undone step is marked in the journal, so restoring twice (or after
 * a crash in the middle of restoring) is a no-op for what is already back.
 */
public final class Restorer {

    /** What a restore did: steps undone now, steps already undone before, steps that failed (one line each). */
    public record Report(Path journal, int restored, int alreadyRestored, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private Restorer() {
    }

    public static Report restore(Journal journal, KnobContext ctx) throws HostException {
        return restoreAfter(journal, ctx, 0);
    }

    /** Undoes only the changes journaled after sequence number {@code seq}: one run's, leaving the experiment's. */
    public static Report restoreAfter(Journal journal, KnobContext ctx, int seq) throws HostException {
        String root = ctx.fs().root().toAbsolutePath().normalize().toString();
        if (!root.equals(journal.hostRoot())) {
            throw new HostException("journal " + journal.file() + " records changes to host root " + journal.hostRoot()
                    + ", not " + root + " (set URINGLAB_HOST_ROOT to match, or pick another journal)");
        }
        int done = 0;
        List<String> failures = new ArrayList<>();
        int before = journal.entries().size() - journal.pending().size();
        for (JournalEntry entry : journal.pending()) {
            if (entry.seq() <= seq) {
                continue;
            }
            try {
                undo(ctx, entry);
                journal.markRestored(entry.seq());
                done++;
            } catch (HostException e) {
                // Keep going: the other knobs are independent and leaving them changed is worse.
                failures.add(entry.kind() + " " + entry.target() + ": " + e.getMessage());
            }
        }
        return new Report(journal.file(), done, before, List.copyOf(failures));
    }

    static void undo(KnobContext ctx, JournalEntry entry) throws HostException {
        switch (entry.kind()) {
            case "irq-affinity", "turbo", "smt", "governor", "idle-latency", "bpf-stats" -> FileKnob.restore(ctx, entry);
            case "irqbalance" -> IrqbalanceKnob.restore(ctx, entry);
            case "nvme-queues" -> NvmeQueuesKnob.restore(ctx, entry);
            default -> throw new HostException("unknown change kind '" + entry.kind() + "' (journal from a newer uringlab?)");
        }
    }
}
