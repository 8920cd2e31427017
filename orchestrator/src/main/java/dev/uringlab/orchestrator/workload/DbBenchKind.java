package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.OptionTable;

import java.util.Map;

/** RocksDB's db_bench: many flags, so free-form; {@link DbBenchSpec} checks each run's options. */
public final class DbBenchKind implements RunnableWorkloadKind {

    @Override
    public String name() {
        return "db_bench";
    }

    @Override
    public OptionTable table() {
        return null;
    }

    @Override
    public DbBenchSpec options(Map<String, Object> table) {
        return DbBenchSpec.from(table);
    }

    @Override
    public Workload create() {
        return new DbBenchWorkload(DbBenchWorkload.locate());
    }
}
