package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostWriteException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** A knob that is one value in one kernel file; restoring it is writing the old content back. */
abstract class FileKnob implements HostKnob {

    protected final KnobContext ctx;
    private final String kind;
    private final String file;
    private final String wanted;

    FileKnob(KnobContext ctx, String kind, String file, String wanted) {
        this.ctx = ctx;
        this.kind = kind;
        this.file = file;
        this.wanted = wanted;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String target() {
        return file;
    }

    String wanted() {
        return wanted;
    }

    /** One knob per CPU, for settings the kernel keeps per CPU (governor, idle latency limit). */
    static List<HostKnob> perCpu(Collection<Integer> cpus, IntFunction<HostKnob> knobForCpu) {
        List<HostKnob> knobs = new ArrayList<>();
        cpus.forEach(c -> knobs.add(knobForCpu.apply(c)));
        return knobs;
    }

    /** Short name for messages, e.g. "IRQ 121 affinity". */
    abstract String what();

    String current() {
        return ctx.fs().readLine(file).orElse("?");
    }

    @Override
    public String plan() {
        String now = current();
        return what() + ": " + file + " " + now + (now.equals(wanted) ? " (already)" : " -> " + wanted);
    }

    @Override
    public void check() throws HostException {
        if (!ctx.fs().exists(file)) {
            throw new HostException(what() + ": " + file + " does not exist on this host" + absentHint());
        }
        ctx.requireRoot(what(), file);
    }

    String absentHint() {
        return "";
    }

    @Override
    public void apply(Journal journal) throws HostException {
        check();
        String old = ctx.fs().read(file)
                .orElseThrow(() -> new HostException(what() + ": cannot read " + file + " to journal its value"));
        if (old.strip().equals(wanted)) {
            return;
        }
        JournalEntry entry = journal.append(kind, file, old, wanted, Map.of());
        try {
            ctx.fs().write(file, wanted + "\n");
        } catch (HostWriteException e) {
            // Nothing changed, so there is nothing to undo; keep the journal honest about that.
            journal.markRestored(entry.seq());
            throw new HostWriteException(e.file(), e.errno(), what() + ": " + e.getMessage());
        }
    }

    /** Writes the journaled content back unless the file already holds it. */
    static void restore(KnobContext ctx, JournalEntry entry) throws HostException {
        String now = ctx.fs().read(entry.target()).orElse(null);
        if (now != null && now.strip().equals(entry.oldValue().strip())) {
            return;
        }
        ctx.fs().write(entry.target(), entry.oldValue());
    }
}
