package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.OptionTable;

import java.util.Map;

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
    public CommandSpec options(Map<String, Object> table) {
        return CommandSpec.from(table);
    }

    @Override
    public Workload create() {
        return new CommandWorkload();
    }
}
