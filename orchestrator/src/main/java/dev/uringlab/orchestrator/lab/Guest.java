package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One QEMU guest for one command: boots it, streams the command's output, returns its exit code.
 * The guest never outlives the command: QEMU is started under setpriv --pdeathsig KILL (it dies
 * with the JVM even on kill -9), a shutdown hook stops it on Ctrl-C, and {@link Follower} stops a
 * guest that hangs. Everything the command
 * wrote to the results share stays, whatever happens to the guest.
 */
public final class Guest {

    static final String READY = "URINGLAB-LAB-READY";
    static final String EXIT = "URINGLAB-LAB-EXIT ";
    /** QEMU ends at once on SIGINT/SIGTERM; the step only bounds a QEMU stuck in its own I/O. */
    private static final Duration STOP_STEP = Duration.ofSeconds(3);

    /** What the boot and the command took; {@code exitCode} is the command's. */
    public record Outcome(int exitCode, double bootSeconds, double totalSeconds) {
    }

    /**
     * How long a guest may take: to boot, to run its command once booted (zero: no bound), and how
     * long a kernel-reported stall is given before the guest is stopped (see {@link KernelWatch}).
     */
    public record Limits(Duration boot, Duration run, Duration stallGrace) {
    }

    private Guest() {
    }

    /**
     * Boots the topology, runs {@code cmdFile} in it and returns when the guest has powered off.
     * {@code controlDir} receives console.log, kernel.log and qemu.log; {@code out} gets the command's output.
     */
    public static Outcome run(Topology topology, GuestKernel kernel, Accel accel, Path outDir, Path cmdFile,
                              Path controlDir, Limits limits, PrintStream out) throws LabException {
        Path console = controlDir.resolve("console.log");
        Path kernelLog = controlDir.resolve("kernel.log");
        Path disksDir = diskDir();
        ChildProcess qemu = null;
        long start = System.nanoTime();
        try {
            List<Path> disks = createDisks(topology, disksDir);
            for (Path f : List.of(console, kernelLog)) {
                Files.deleteIfExists(f);
                Files.createFile(f);
            }
            List<String> argv = withDeathSignal(QemuArgs.build(topology, kernel, accel, outDir, cmdFile, console,
                    kernelLog, disks));
            // A ChildProcess: stopped in steps (SIGINT, SIGTERM, SIGKILL) and by the JVM's child reaper on Ctrl-C.
            qemu = ChildProcess.start("qemu", argv, controlDir.resolve("qemu.stdout"), controlDir.resolve("qemu.log"), null);
            return new Follower(qemu, console, kernelLog, controlDir.resolve("qemu.log"), limits, out, start).follow();
        } catch (IOException e) {
            throw LabException.failed("cannot start the guest: " + e.getMessage());
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (LabException e) {
            throw e;
        } catch (dev.uringlab.orchestrator.process.ToolException e) {
            throw LabException.failed("cannot start the guest: " + e.getMessage());
        } finally {
            stop(qemu);
            KernelCache.deleteTree(disksDir);
        }
    }

    private static LabException interrupted() {
        Thread.currentThread().interrupt();
        return LabException.failed("interrupted; the guest was stopped");
    }

    /** lab shell: the terminal is the guest's console until the shell exits (or Ctrl-A x). */
    public static int interactive(Topology topology, GuestKernel kernel, Accel accel, Path outDir, Path cmdFile)
            throws LabException {
        Path disksDir = diskDir();
        Process qemu = null;
        Thread reaper = null;
        try {
            List<Path> disks = createDisks(topology, disksDir);
            List<String> argv = withDeathSignal(QemuArgs.build(topology, kernel, accel, outDir, cmdFile, null, null, disks));
            qemu = new ProcessBuilder(argv).inheritIO().start();
            reaper = killOnExit(qemu);
            return qemu.waitFor();
        } catch (IOException e) {
            throw LabException.failed("cannot start the guest: " + e.getMessage());
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            cleanUp(qemu, reaper, disksDir);
        }
    }

    private static void cleanUp(Process qemu, Thread reaper, Path disksDir) {
        if (qemu != null && qemu.isAlive()) {
            qemu.destroyForcibly();
            try {
                qemu.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reaper != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already and does the same.
            }
        }
        KernelCache.deleteTree(disksDir);
    }

    public static void requireQemu() throws LabException {
        if (Tools.which(QemuArgs.QEMU).isEmpty()) {
            throw LabException.missing(QemuArgs.QEMU + " not found: the lab guest needs QEMU "
                    + "(install it: scripts/install-lab.sh, or apt-get install qemu-system-x86)");
        }
    }

    /** The guest dies with this JVM even when the JVM gets SIGKILL (no shutdown hook runs then). */
    private static List<String> withDeathSignal(List<String> argv) {
        if (Tools.which("setpriv").isEmpty()) {
            return argv;
        }
        List<String> a = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--"));
        a.addAll(argv);
        return a;
    }

    private static Thread killOnExit(Process qemu) {
        Thread hook = new Thread(() -> qemu.destroyForcibly(), "uringlab-lab-guest-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /**
     * Stops QEMU in steps and waits for it even when this thread was interrupted (a test's timeout, Ctrl-C),
     * then anything it started: nothing of the guest may outlive the command.
     */
    static void stop(ChildProcess qemu) {
        if (qemu == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            List<ProcessHandle> children = ProcessHandle.of(qemu.pid()).map(h -> h.descendants().toList()).orElse(List.of());
            qemu.stop(STOP_STEP);
            children.forEach(ProcessHandle::destroyForcibly);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path diskDir() throws LabException {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, "uringlab-lab-disks-");
        } catch (IOException e) {
            throw LabException.failed("cannot create a directory for the guest's NVMe images: " + e.getMessage());
        }
    }

    /** Sparse raw images: a 1 GiB namespace costs only the blocks the guest writes. */
    private static List<Path> createDisks(Topology t, Path dir) throws IOException {
        List<Path> disks = new ArrayList<>();
        for (Topology.Nvme n : t.nvme()) {
            Path img = dir.resolve(n.serial() + ".img");
            try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
                f.setLength(n.sizeBytes());
            }
            disks.add(img);
        }
        return disks;
    }
}
