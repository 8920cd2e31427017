package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake host trees, built step by step the way install-bcc.sh fixes a real one. */
class BccPreflightTest {

    private static final String RELEASE = "6.18.44-fc-v669";

    @TempDir
    Path root;
    HostFs fs;

    @BeforeEach
    void kernel() throws IOException {
        fs = new HostFs(root);
        write("/proc/sys/kernel/osrelease", RELEASE + "\n");
    }

    @Test
    void namesTheInterpreterWhenItIsMissing() {
        assertEquals(Optional.of("BCC needs /usr/bin/python3 (the system python3 with the bcc module): apt-get install python3-bpfcc"),
                BccPreflight.check(fs, "/usr/bin/python3"));
    }

    @Test
    void namesPython3BpfccWhenTheModuleIsMissing() throws IOException {
        write("/usr/bin/python3", "");
        write("/usr/lib/python3/dist-packages/yaml/__init__.py", "");
        assertEquals(Optional.of("python3-bpfcc not installed: apt-get install python3-bpfcc"), BccPreflight.check(fs, "/usr/bin/python3"));
    }

    @Test
    void namesTheHeadersPackageWhenNoHeadersAreInstalled() throws IOException {
        withPythonAndBcc();
        assertEquals(Optional.of("BCC cannot compile: kernel headers for 6.18.44-fc-v669 not found: apt-get install linux-headers-amd64"
                        + " (and link /lib/modules/6.18.44-fc-v669/build to /usr/src/linux-headers-<ver>-amd64 where absent),"
                        + " or run scripts/install-bcc.sh"),
                BccPreflight.check(fs, "/usr/bin/python3"));
    }

    @Test
    void namesTheLinksWhenHeadersAreInstalledButNotWhereBccLooks() throws IOException {
        withPythonAndBcc();
        Files.createDirectories(fs.path("/usr/src/linux-headers-6.1.0-56-amd64/include"));
        Files.createDirectories(fs.path("/usr/src/linux-headers-6.1.0-56-common/include"));
        assertEquals(Optional.of("BCC cannot compile: kernel headers for 6.18.44-fc-v669 not found: /lib/modules/6.18.44-fc-v669/build is absent;"
                        + " ln -s /usr/src/linux-headers-6.1.0-56-amd64 /lib/modules/6.18.44-fc-v669/build"
                        + " and ln -s /usr/src/linux-headers-6.1.0-56-common /lib/modules/6.18.44-fc-v669/source"
                        + " (or run scripts/install-bcc.sh)"),
                BccPreflight.check(fs, "/usr/bin/python3"));
    }

    @Test
    void readyWithABuildTreeOrKernelHeadersArchive() throws IOException {
        withPythonAndBcc();
        Files.createDirectories(fs.path("/usr/src/linux-headers-6.1.0-56-amd64/include"));
        Files.createDirectories(fs.path("/lib/modules/" + RELEASE));
        // Relative, as a link inside a fake root must be; install-bcc.sh makes an absolute one.
        Files.createSymbolicLink(fs.path("/lib/modules/" + RELEASE + "/build"), Path.of("../../../usr/src/linux-headers-6.1.0-56-amd64"));
        assertEquals(Optional.empty(), BccPreflight.check(fs, "/usr/bin/python3"));

        HostFs other = new HostFs(root.resolve("other"));
        Files.createDirectories(root.resolve("other"));
        write(other, "/proc/sys/kernel/osrelease", RELEASE);
        write(other, "/usr/bin/python3", "");
        write(other, "/usr/lib64/python3.12/site-packages/bcc/__init__.py", "");
        write(other, "/sys/kernel/kheaders.tar.xz", "");
        assertEquals(Optional.empty(), BccPreflight.check(other, "/usr/bin/python3"));
    }

    @Test
    void debianKernelsGetTheirOwnHeadersPackage() {
        assertEquals("linux-headers-6.1.0-56-amd64", BccPreflight.headersPackage("6.1.0-56-amd64"));
        assertEquals("linux-headers-6.1.0-56-cloud-amd64", BccPreflight.headersPackage("6.1.0-56-cloud-amd64"));
        assertEquals("linux-headers-amd64", BccPreflight.headersPackage(RELEASE));
    }

    @Test
    void theBackendRefusesToStartWithThePreflightLine() throws IOException {
        write("/usr/bin/python3", "");
        ToolException e = assertThrows(ToolException.class, () -> new BccBackend(fs, "/usr/bin/python3")
                .start(List.of(), List.of(), root.resolve("run"), Duration.ofSeconds(1)));
        assertEquals("python3-bpfcc not installed: apt-get install python3-bpfcc", e.getMessage());
    }

    private void withPythonAndBcc() throws IOException {
        write("/usr/bin/python3", "");
        write("/usr/lib/python3/dist-packages/bcc/__init__.py", "");
    }

    private void write(String path, String text) throws IOException {
        write(fs, path, text);
    }

    private static void write(HostFs fs, String path, String text) throws IOException {
        Files.createDirectories(fs.path(path).getParent());
        Files.writeString(fs.path(path), text);
    }
}
