package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code uringlab lab exec -- CMD...}: one command in a fresh guest (uringlab on its PATH is this build). */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "exec", description = "Boot a guest, run CMD in the current directory there, exit with its code.")
final class LabExecCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        return LabExits.run(() -> new LabLauncher(lab.toOptions(), System.out).exec(command));
    }
}
