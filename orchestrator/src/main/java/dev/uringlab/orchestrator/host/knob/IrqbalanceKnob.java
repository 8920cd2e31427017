package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.Irqbalance;
import dev.uringlab.orchestrator.host.HostException;

import java.util.Map;

/**
 * irqbalance stopped (or started) for the sweep: it rewrites smp_affinity_list every few
 * seconds, which would undo an IRQ placement mid-run.
 */
public final class IrqbalanceKnob implements HostKnob {

    static final String UNIT = "irqbalance";
    private final KnobContext ctx;
    private final boolean wantRunning;

    public IrqbalanceKnob(KnobContext ctx, boolean wantRunning) {
        this.ctx = ctx;
        this.wantRunning = wantRunning;
    }

    @Override
    public String kind() {
        return "irqbalance";
    }

    @Override
    public String target() {
        return UNIT;
    }

    private static String state(boolean running) {
        return running ? "running" : "stopped";
    }

    @Override
    public String plan() {
        boolean now = Irqbalance.running(ctx.fs());
        return "irqbalance: " + state(now) + (now == wantRunning ? " (already)" : " -> " + state(wantRunning)
                + " (systemctl " + (wantRunning ? "start" : "stop") + " " + UNIT + ")");
    }

    @Override
    public void check() throws HostException {
        if (Irqbalance.running(ctx.fs()) != wantRunning) {
            ctx.requireRoot((wantRunning ? "starting" : "stopping") + " irqbalance", "the " + UNIT + " service");
        }
    }

    @Override
    public void apply(Journal journal) throws HostException {
        check();
        boolean now = Irqbalance.running(ctx.fs());
        if (now == wantRunning) {
            return;
        }
        JournalEntry entry = journal.append(kind(), UNIT, state(now), state(wantRunning), Map.of());
        try {
            set(ctx, wantRunning);
        } catch (HostException e) {
            if (Irqbalance.running(ctx.fs()) == now) {
                journal.markRestored(entry.seq());
            }
            throw e;
        }
    }

    static void set(KnobContext ctx, boolean running) throws HostException {
        if (running) {
            ctx.services().start(UNIT);
        } else {
            ctx.services().stop(UNIT);
        }
        if (Irqbalance.running(ctx.fs()) != running) {
            throw new HostException("irqbalance: systemctl " + (running ? "start" : "stop") + " " + UNIT
                    + " returned but irqbalance is still " + state(!running));
        }
    }

    static void restore(KnobContext ctx, JournalEntry entry) throws HostException {
        boolean wasRunning = entry.oldValue().equals("running");
        if (Irqbalance.running(ctx.fs()) != wasRunning) {
            set(ctx, wasRunning);
        }
    }
}
