package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LocatedValues;
import dev.uringlab.orchestrator.config.OptionTable;
import dev.uringlab.orchestrator.workload.RunnableWorkloadKind;
import dev.uringlab.orchestrator.workload.Workload;

/** Any program plus a parse rule: nested options (args, env, parse), checked per run by {@link CommandSpec}. */
public final class CommandKind implements RunnableWorkloadKind {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public OptionTable table() {
        return null;
    }

    @Override
    public CommandSpec options(LocatedValues options) throws ConfigException {
        return options.check(CommandSpec::from);
    }

    @Override
    public Workload create() {
        return new CommandWorkload();
    }
}
