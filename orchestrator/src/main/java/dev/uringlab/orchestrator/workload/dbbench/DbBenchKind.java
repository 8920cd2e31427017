package dev.uringlab.orchestrator.workload.dbbench;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LocatedValues;
import dev.uringlab.orchestrator.config.OptionTable;
import dev.uringlab.orchestrator.workload.RunnableWorkloadKind;
import dev.uringlab.orchestrator.workload.Workload;

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
    public DbBenchSpec options(LocatedValues options) throws ConfigException {
        return options.check(DbBenchSpec::from);
    }

    @Override
    public Workload create() {
        return new DbBenchWorkload(DbBenchWorkload.locate());
    }
}
