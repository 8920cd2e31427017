package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.CpuSetResolver;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.knob.GovernorKnob;
import dev.uringlab.orchestrator.host.knob.HostKnob;
import dev.uringlab.orchestrator.host.knob.IdleLatencyKnob;
import dev.uringlab.orchestrator.host.knob.IrqAffinityKnob;
import dev.uringlab.orchestrator.host.knob.IrqbalanceKnob;
import dev.uringlab.orchestrator.host.knob.KnobContext;
import dev.uringlab.orchestrator.host.knob.NvmeQueueSpec;
import dev.uringlab.orchestrator.host.knob.NvmeQueuesKnob;
import dev.uringlab.orchestrator.host.knob.SmtKnob;
import dev.uringlab.orchestrator.host.knob.TurboKnob;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The journaled knobs a host section asks for, in the order they are applied: for a whole
 * experiment ({@code host:}) or for one run ({@code host.KEY} sweep axes). drop_caches is not
 * among them: it changes nothing to restore and is done before each run.
 */
public final class HostKnobs {

    private HostKnobs() {
    }

    public static List<HostKnob> of(HostSpec host, TargetTopology topology, KnobContext ctx) throws HostException {
        List<HostKnob> knobs = new ArrayList<>();
        if (host.stopIrqbalance()) {
            knobs.add(new IrqbalanceKnob(ctx, false));
        }
        if (host.nvmeQueues() != null) {
            HostSpec.NvmeQueues n = host.nvmeQueues();
            knobs.add(new NvmeQueuesKnob(ctx, new NvmeQueueSpec(n.defaultQueues(), n.poll(), n.write(),
                    n.irqCpus() == null ? null : CpuList.parse(n.irqCpus()), n.attempts(), topology.disk())));
        }
        for (Map.Entry<String, String> e : host.irqAffinity().entrySet()) {
            knobs.addAll(IrqAffinityKnob.forDevice(ctx, topology, e.getKey(), CpuList.parse(e.getValue())));
        }
        if (host.turbo() != null) {
            knobs.add(new TurboKnob(ctx, host.turbo()));
        }
        if (host.smt() != null) {
            knobs.add(new SmtKnob(ctx, host.smt()));
        }
        if (host.governor() != null) {
            knobs.addAll(GovernorKnob.forCpus(ctx, topology.onlineCpus(), host.governor()));
        }
        if (host.maxIdleLatencyUs() != null) {
            Collection<Integer> cpus = host.idleLatencyCpus() == null ? topology.onlineCpus()
                    : CpuSetResolver.resolve(host.idleLatencyCpus(), topology, ctx.fs());
            knobs.addAll(IdleLatencyKnob.forCpus(ctx, cpus, host.maxIdleLatencyUs()));
        }
        return knobs;
    }
}
