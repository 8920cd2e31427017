package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.util.Set;

/** /sys/devices/system/cpu/smt/control: on/off. Off takes the sibling threads offline. */
public final class SmtKnob extends FileKnob {

    static final String CONTROL = "/sys/devices/system/cpu/smt/control";

    public SmtKnob(KnobContext ctx, boolean on) {
        super(ctx, "smt", CONTROL, on ? "on" : "off");
    }

    @Override
    String what() {
        return "SMT";
    }

    @Override
    public void check() throws HostException {
        super.check();
        String now = current();
        if (Set.of("notsupported", "notimplemented", "forceoff").contains(now)) {
            throw new HostException("SMT: " + CONTROL + " is '" + now + "', so SMT cannot be switched on this host");
        }
    }
}
