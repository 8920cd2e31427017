package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One QEMU guest for one command: boots it, streams the command's output, returns its exit code.
 * The guest never outlives the command: QEMU is started under setpriv --pdeathsig KILL (it dies
 * with the JVM even on kill -9) and a shutdown hook kills it on Ctrl-C. Everything the command
 * wrote to the results share stays, whatever happens to the guest.
 */
public final class Guest {

    static final String READY = "URINGLAB-LAB-READY";
    static final String EXIT = "URINGLAB-LAB-EXIT ";
    private static final int TAIL_LINES = 25;

    /** What the boot and the command took; {@code exitCode} is the command's. */
    public record Outcome(int exitCode, double bootSeconds, double totalSeconds) {
    }

    private Guest() {
    }

    /**
     * Boots the topology, runs {@code cmdFile} in it and returns when the guest has powered off.
     * {@code controlDir} receives console.log and qemu.log; {@code out} gets the command's output.
     */
    public static Outcome run(Topology topology, GuestKernel kernel, Accel accel, Path outDir, Path cmdFile,
                              Path controlDir, Duration bootTimeout, PrintStream out) throws LabException {
        Path console = controlDir.resolve("console.log");
        Path disksDir = diskDir();
        Process qemu = null;
        Thread reaper = null;
        long start = System.nanoTime();
        try {
            List<Path> disks = createDisks(topology, disksDir);
            Files.deleteIfExists(console);
            Files.createFile(console);
            List<String> argv = withDeathSignal(QemuArgs.build(topology, kernel, accel, outDir, cmdFile, console, disks));
            qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(controlDir.resolve("qemu.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            reaper = killOnExit(qemu);
            return follow(qemu, console, controlDir.resolve("qemu.log"), bootTimeout, out, start);
        } catch (IOException e) {
            throw LabException.failed("cannot start the guest: " + e.getMessage());
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            cleanUp(qemu, reaper, disksDir);
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
            List<String> argv = withDeathSignal(QemuArgs.build(topology, kernel, accel, outDir, cmdFile, null, disks));
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
        stop(qemu);
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

    private static Outcome follow(Process qemu, Path console, Path qemuLog, Duration bootTimeout, PrintStream out,
                                  long start) throws IOException, InterruptedException, LabException {
        Deque<String> tail = new ArrayDeque<>();
        boolean ready = false;
        double bootSeconds = 0;
        long deadline = start + bootTimeout.toNanos();
        StringBuilder partial = new StringBuilder();
        try (RandomAccessFile in = new RandomAccessFile(console.toFile(), "r")) {
            byte[] buf = new byte[65536];
            while (true) {
                boolean alive = qemu.isAlive();
                int n;
                boolean any = false;
                while ((n = in.read(buf)) > 0) {
                    any = true;
                    // The serial line sends \r\n; a lone \r would garble the output.
                    partial.append(new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r", ""));
                    int nl;
                    while ((nl = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, nl);
                        partial.delete(0, nl + 1);
                        if (!ready) {
                            remember(tail, line);
                            if (line.startsWith(EXIT)) {
                                throw LabException.failed("the guest's /init gave up before running the command; "
                                        + "console tail: " + String.join(" | ", tail) + " (full console: " + console + ")");
                            }
                            if (line.startsWith(READY)) {
                                ready = true;
                                bootSeconds = (System.nanoTime() - start) / 1e9;
                            }
                        } else if (line.startsWith(EXIT)) {
                            int code = Integer.parseInt(line.substring(EXIT.length()).strip());
                            qemu.waitFor(20, TimeUnit.SECONDS);
                            return new Outcome(code, bootSeconds, (System.nanoTime() - start) / 1e9);
                        } else {
                            remember(tail, line);
                            out.println(line);
                            out.flush();
                        }
                    }
                }
                if (!alive) {
                    String why = ready ? "the guest stopped before the command finished (killed, or it crashed)"
                            : "the guest stopped before it finished booting";
                    throw LabException.failed(why + "; QEMU said: " + lastLine(qemuLog) + "; console tail: "
                            + String.join(" | ", tail) + " (full console: " + console + ")");
                }
                if (!ready && System.nanoTime() > deadline) {
                    throw LabException.failed("the guest did not boot within " + bootTimeout.toSeconds()
                            + " s (raise --boot-timeout on a slow or busy host); console tail: "
                            + (tail.isEmpty() ? "(nothing)" : String.join(" | ", tail)) + " (full console: " + console + ")");
                }
                if (!any) {
                    Thread.sleep(50);
                }
            }
        }
    }

    private static void remember(Deque<String> tail, String line) {
        if (line.isBlank()) {
            return;
        }
        tail.addLast(line.strip());
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private static String lastLine(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(nothing)");
        } catch (IOException e) {
            return "(no log)";
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

    private static void stop(Process qemu) {
        if (qemu == null || !qemu.isAlive()) {
            return;
        }
        qemu.destroyForcibly();
        try {
            qemu.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
