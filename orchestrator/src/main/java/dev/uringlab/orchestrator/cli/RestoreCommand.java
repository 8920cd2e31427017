package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.knob.Journal;
import dev.uringlab.orchestrator.host.knob.KnobContext;
import dev.uringlab.orchestrator.host.knob.Privileges;
import dev.uringlab.orchestrator.host.knob.Restorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code uringlab restore [journal]}: undoes the host changes a sweep journaled, after a crash or
 * kill -9. Idempotent: what is already back is left alone.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Undo the host changes recorded in a journal (default: the newest under the "
        + "results directory); safe to run more than once.")
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "JOURNAL", description = "A host-journal-*.jsonl file.")
    Path journalFile;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where to look for the newest journal (default: ${DEFAULT-VALUE}).")
    Path results;

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = journalFile;
        if (file == null) {
            Optional<Path> newest = Journal.newestUnder(results);
            if (newest.isEmpty()) {
                out.println("no host journal under " + results + ": nothing to restore");
                out.flush();
                return ExitCodes.OK;
            }
            file = newest.get();
        } else if (!Files.isRegularFile(file)) {
            err.println("uringlab: journal " + file + " does not exist");
            err.flush();
            return ExitCodes.USAGE;
        }
        Lab lab = Lab.open();
        Journal journal = Journal.open(file);
        if (!journal.pending().isEmpty() && lab.fs.isRealRoot() && !Privileges.isRoot()) {
            err.println("uringlab: restoring " + journal.pending().size() + " host change(s) needs root: sudo ./uringlab restore " + file);
            err.flush();
            return ExitCodes.MISSING_TOOL;
        }
        Restorer.Report report = Restorer.restore(journal, KnobContext.forHost(lab.fs));
        if (report.restored() == 0 && report.ok()) {
            out.printf("nothing to restore in %s (%d change(s) already restored)%n", file, report.alreadyRestored());
        } else {
            out.printf("restored %d change(s) from %s%n", report.restored(), file);
        }
        if (journalFile == null) {
            warnAboutOthers(file, out);
        }
        out.flush();
        if (!report.ok()) {
            report.failures().forEach(f -> err.println("uringlab: could not restore " + f));
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void warnAboutOthers(Path chosen, PrintWriter out) throws HostException {
        List<Path> all = Journal.allUnder(results);
        for (Path other : all) {
            if (!other.equals(chosen) && !Journal.open(other).pending().isEmpty()) {
                out.println("note: " + other + " also has unrestored changes: uringlab restore " + other);
            }
        }
    }
}
