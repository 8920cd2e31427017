package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.config.LabNeeds;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.lab.TopologyLoader;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every experiment file the project ships loads and plans (against the recorded 2-CPU VM). */
class ShippedExperimentsTest {

    @TestFactory
    Stream<DynamicTest> everyShippedExperimentFilePlans() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> listed = Files.list(root.resolve("experiments"));
             Stream<Path> claims = Files.list(root.resolve("experiments").resolve("claims"))) {
            files = Stream.concat(Stream.of(root.resolve("experiments.yaml")),
                    Stream.concat(listed, claims).filter(p -> p.toString().endsWith(".yaml")).sorted()).toList();
        }
        ProbeCatalog catalog = ProbeCatalog.builtin();
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            var loaded = new ExperimentLoader(Set.copyOf(catalog.ids()), WorkloadKinds.BUILT_IN).load(file, List.of(), List.of());
            if (LabNeeds.read(file, Set.copyOf(TopologyLoader.PRESETS)).isPresent()) {
                // A lab claim's target exists only in its guest, where reproduce --lab plans it (ReproduceLabIT).
                assertTrue(!loaded.experiments().isEmpty(), file.toString());
                return;
            }
            Plan plan = new Planner(Fixtures.VM, catalog, HostProbeSupport.detect(Fixtures.VM)).plan(loaded);
            assertTrue(plan.totalRuns() > 0, file.toString());
        }));
    }
}
