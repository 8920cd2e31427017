package dev.uringlab.orchestrator.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots the guest kernel under KVM for a few seconds and watches for its first line: a working
 * KVM prints "Linux version" in well under a second; a broken one (nested hosts where the
 * guest hangs at "Booting from ROM") prints nothing. The verdict is cached per host kernel and
 * QEMU binary, since it is a property of the host, not of the run.
 */
final class KvmProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(6);

    private KvmProbe() {
    }

    static boolean deviceUsable() {
        Path kvm = Path.of("/dev/kvm");
        return Files.exists(kvm) && Files.isReadable(kvm) && Files.isWritable(kvm);
    }

    static AccelChooser.ProbeResult probe(GuestKernel kernel, Path cacheDir) {
        Path verdict = cacheDir.resolve("lab").resolve("kvm-verdict-" + hostKey());
        try {
            if (Files.isRegularFile(verdict)) {
                String[] saved = Files.readString(verdict).strip().split(" ", 2);
                return new AccelChooser.ProbeResult(saved[0].equals("ok"),
                        (saved.length > 1 ? saved[1] : "") + " (cached in " + verdict + "; delete it to probe again)");
            }
            AccelChooser.ProbeResult result = bootOnce(kernel);
            Files.createDirectories(verdict.getParent());
            Files.writeString(verdict, (result.ok() ? "ok " : "no ") + result.detail() + "\n");
            return result;
        } catch (IOException e) {
            return new AccelChooser.ProbeResult(false, "the KVM probe could not run: " + e.getMessage());
        }
    }

    private static AccelChooser.ProbeResult bootOnce(GuestKernel kernel) throws IOException {
        Path log = Files.createTempFile("uringlab-kvm-probe-", ".log");
        List<String> argv = new ArrayList<>(List.of(QemuArgs.QEMU, "-nodefaults", "-no-user-config", "-display", "none",
                "-nic", "none", "-no-reboot", "-accel", "kvm", "-cpu", "host", "-m", "256M",
                "-kernel", kernel.vmlinuz().toString(), "-append", "console=ttyS0 earlyprintk=serial,ttyS0 panic=-1",
                "-chardev", "file,id=con,path=" + log, "-serial", "chardev:con"));
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long start = System.nanoTime();
        try {
            while (System.nanoTime() - start < TIMEOUT.toNanos()) {
                if (Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Linux version")) {
                    return new AccelChooser.ProbeResult(true, String.format("KVM reached the kernel in %.1f s",
                            (System.nanoTime() - start) / 1e9));
                }
                if (!qemu.isAlive()) {
                    return new AccelChooser.ProbeResult(false, "QEMU with -accel kvm exited (" + qemu.exitValue() + ")");
                }
                Thread.sleep(100);
            }
            return new AccelChooser.ProbeResult(false, "a KVM guest printed nothing within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AccelChooser.ProbeResult(false, "interrupted");
        } finally {
            qemu.destroyForcibly();
            try {
                qemu.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(log);
        }
    }

    private static String hostKey() {
        String release;
        try {
            release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            release = "unknown";
        }
        long qemuTime = dev.uringlab.orchestrator.process.Tools.which(QemuArgs.QEMU).map(p -> {
            try {
                return Files.getLastModifiedTime(Path.of(p)).toMillis() / 1000;
            } catch (IOException e) {
                return 0L;
            }
        }).orElse(0L);
        return (release + "-" + qemuTime).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
