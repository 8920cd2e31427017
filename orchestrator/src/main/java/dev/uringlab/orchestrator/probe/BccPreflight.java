package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.host.HostFs;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Can BCC compile here? Checked on files only (through {@link HostFs}, so tests use fake trees):
 * the interpreter, the bcc Python package, and kernel headers where BCC looks for them. Each
 * problem is one line naming the package and the fix (see LAB-MACHINE.md, scripts/install-bcc.sh).
 */
public final class BccPreflight {

    static final String INSTALL_SCRIPT = "scripts/install-bcc.sh";
    private static final String[] LIB_DIRS = {"/usr/lib", "/usr/lib64", "/usr/local/lib"};

    private BccPreflight() {
    }

    public static Optional<String> check(HostFs fs, String python) {
        if (!fs.exists(python)) {
            return Optional.of("BCC needs " + python + " (the system python3 with the bcc module): apt-get install python3-bpfcc");
        }
        if (!hasBccModule(fs)) {
            return Optional.of("python3-bpfcc not installed: apt-get install python3-bpfcc");
        }
        return headersProblem(fs);
    }

    /** Debian/Ubuntu put it in dist-packages, Fedora/Arch in pythonX.Y/site-packages. */
    static boolean hasBccModule(HostFs fs) {
        for (String lib : LIB_DIRS) {
            for (String entry : fs.list(lib)) {
                if (!entry.startsWith("python3")) {
                    continue;
                }
                for (String sub : List.of("dist-packages", "site-packages")) {
                    if (fs.exists(lib + "/" + entry + "/" + sub + "/bcc/__init__.py")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Optional<String> headersProblem(HostFs fs) {
        String release = fs.readLine("/proc/sys/kernel/osrelease").orElse("");
        if (release.isEmpty()) {
            return Optional.of("BCC cannot compile: kernel release unknown (/proc/sys/kernel/osrelease unreadable)");
        }
        String build = "/lib/modules/" + release + "/build";
        // BCC uses build/ (a header tree, or a symlink to one), else the kernel's own kheaders archive.
        if (Files.isDirectory(fs.path(build + "/include")) || fs.exists("/sys/kernel/kheaders.tar.xz")) {
            return Optional.empty();
        }
        String prefix = "BCC cannot compile: kernel headers for " + release + " not found: ";
        Optional<String> installed = fs.list("/usr/src").stream()
                .filter(d -> d.startsWith("linux-headers-") && !d.endsWith("-common"))
                .reduce((a, b) -> b);
        if (installed.isPresent()) {
            String tree = "/usr/src/" + installed.get();
            return Optional.of(prefix + build + " is absent; ln -s " + tree + " " + build
                    + commonHint(fs, tree, release) + " (or run " + INSTALL_SCRIPT + ")");
        }
        return Optional.of(prefix + "apt-get install " + headersPackage(release) + " (and link " + build
                + " to /usr/src/linux-headers-<ver>" + archSuffix(release) + " where absent), or run " + INSTALL_SCRIPT);
    }

    /** A Debian kernel has its own headers package; any other (a VM's guest kernel) gets the metapackage's. */
    static String headersPackage(String release) {
        return release.matches(".*-(amd64|arm64|cloud-amd64|cloud-arm64|rt-amd64)$")
                ? "linux-headers-" + release
                : "linux-headers" + archSuffix(release);
    }

    private static String archSuffix(String release) {
        return release.endsWith("arm64") || System.getProperty("os.arch", "").equals("aarch64") ? "-arm64" : "-amd64";
    }

    private static String commonHint(HostFs fs, String tree, String release) {
        String common = tree.replaceAll("-(amd64|arm64)$", "-common");
        String source = "/lib/modules/" + release + "/source";
        return !common.equals(tree) && fs.exists(common) && !fs.exists(source)
                ? " and ln -s " + common + " " + source
                : "";
    }
}
