package dev.uringlab.orchestrator.host.knob;

import java.nio.file.Path;
import java.util.List;

/**
 * Subprocess of {@link KillRestoreTest}: applies the sweep's knobs to a fake server tree through a
 * HostSession, announcing each step, then waits to be killed (or SIGTERMed: then its hook restores).
 * args: root journalDir [files-only]; files-only leaves out the knobs whose undo needs the fake kernel, modprobe or
 * systemctl (IRQ affinity moves effective_affinity_list too), so the real restore command can undo the rest
 */
public final class SlowApplier {
    public static void main(String[] args) throws Exception {
        FakeHost host = FakeHost.existingServer(Path.of(args[0]));
        KnobContext ctx = host.ctx();
        HostSession session = HostSession.open(ctx, Path.of(args[1]), System.out);
        List<HostKnob> knobs = args.length > 2 ? CrashRestoreTest.sweepKnobs(ctx).stream()
                .filter(k -> k instanceof FileKnob && !(k instanceof IrqAffinityKnob)).toList() : CrashRestoreTest.sweepKnobs(ctx);
        int step = 0;
        for (HostKnob knob : knobs) {
            session.apply(knob);
            System.out.println("applied " + (++step));
            System.out.flush();
            Thread.sleep(50);
        }
        System.out.println("all applied");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
