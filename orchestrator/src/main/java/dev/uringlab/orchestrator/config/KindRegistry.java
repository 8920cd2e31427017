package dev.uringlab.orchestrator.config;

import java.util.List;
import java.util.Optional;

/** The workload kinds an experiment file may name, in the order error messages list them. */
public final class KindRegistry<K extends WorkloadKind> {

    private final List<K> kinds;

    public KindRegistry(List<K> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public Optional<K> find(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public K get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no workload kind " + name));
    }

    public List<String> names() {
        return kinds.stream().map(WorkloadKind::name).toList();
    }
}
