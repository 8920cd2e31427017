package dev.uringlab.orchestrator.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Debian's kernel for the guest, from Debian's own package only (apt-get download, unpacked,
 * never installed), cached as {@code <cache>/lab/kernel/<package>_<version>/}. It is fetched
 * again only when linux-image-amd64 points at another package version; the initramfs beside it
 * is rebuilt when the /init that uringlab ships changes.
 */
public final class KernelCache {

    static final String META_PACKAGE = "linux-image-amd64";
    /** Reaching the host's files needs virtio-pci and 9p; the NVMe driver is what the lab is about. */
    static final List<String> INITRAMFS_MODULES = List.of("virtio_pci", "9pnet_virtio", "9p", "nvme");
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private final Path root;
    private final Consumer<String> say;

    public KernelCache(Path cacheDir, Consumer<String> say) {
        this.root = cacheDir.resolve("lab").resolve("kernel");
        this.say = say;
    }

    /** {@code --cache}, else $URINGLAB_CACHE, else ~/.cache/uringlab. */
    public static Path defaultCacheDir() {
        String env = System.getenv("URINGLAB_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "uringlab");
    }

    public GuestKernel get() throws LabException {
        String pkg = resolvePackage();
        String version = packageVersion(pkg);
        Path dir = root.resolve(pkg + "_" + version.replaceAll("[^A-Za-z0-9.+~-]", "_"));
        if (!Files.isRegularFile(dir.resolve("READY"))) {
            unpack(pkg, version, dir);
        }
        Path modules = dir.resolve("lib/modules");
        String release = onlyChild(modules);
        Path vmlinuz = dir.resolve("boot/vmlinuz-" + release);
        linkHeaders(modules.resolve(release), release);
        Path initramfs = initramfs(dir, release);
        return new GuestKernel(pkg, version, release, vmlinuz, modules, initramfs);
    }

    /**
     * BCC compiles against /lib/modules/RELEASE/build. scripts/install-bcc.sh installs Debian's
     * linux-headers-amd64, which is the same kernel version as linux-image-amd64, under /usr/src
     * of this host, which the guest sees: links in the cached tree (the guest's /lib/modules) point
     * there. When the host's headers are another version the links dangle and BCC says so.
     */
    private static void linkHeaders(Path moduleDir, String release) throws LabException {
        String common = release.replaceFirst("-[a-z0-9]+$", "-common");
        try {
            for (String[] link : new String[][] {{"build", "/usr/src/linux-headers-" + release},
                    {"source", "/usr/src/linux-headers-" + common}}) {
                Path at = moduleDir.resolve(link[0]);
                if (!Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(at, Path.of(link[1]));
                }
            }
        } catch (IOException e) {
            throw LabException.failed("cannot link the kernel headers into " + moduleDir + ": " + e.getMessage());
        }
    }

    /** The package linux-image-amd64 depends on, e.g. linux-image-6.1.0-56-amd64. */
    static String resolvePackage() throws LabException {
        String out;
        try {
            out = HostCommand.run(List.of("apt-cache", "depends", META_PACKAGE), null, TOOL_TIMEOUT,
                    "find Debian's kernel package");
        } catch (LabException e) {
            if (e.missingTool()) {
                throw LabException.missing("apt-cache not found: the lab guest's kernel comes from Debian's "
                        + META_PACKAGE + " package (a Debian/Ubuntu host with apt is needed)");
            }
            throw LabException.missing("no kernel package: apt-cache does not know " + META_PACKAGE
                    + " (run apt-get update, as root)");
        }
        return parseDepends(out).orElseThrow(() -> LabException.missing("no kernel package: " + META_PACKAGE
                + " depends on no linux-image-* package here (run apt-get update, as root)"));
    }

    static java.util.Optional<String> parseDepends(String aptCacheDepends) {
        return aptCacheDepends.lines().map(String::strip)
                .filter(l -> l.startsWith("Depends: linux-image-"))
                .map(l -> l.substring("Depends: ".length()).strip())
                .findFirst();
    }

    private static String packageVersion(String pkg) throws LabException {
        String out = HostCommand.run(List.of("apt-cache", "show", "--no-all-versions", pkg), null, TOOL_TIMEOUT,
                "read the version of " + pkg);
        return out.lines().filter(l -> l.startsWith("Version:")).map(l -> l.substring(8).strip()).findFirst()
                .orElseThrow(() -> LabException.missing("no kernel package: apt-cache shows no version of " + pkg
                        + " (run apt-get update, as root)"));
    }

    private void unpack(String pkg, String version, Path dir) throws LabException {
        say.accept("lab: fetching Debian's " + pkg + " " + version + " (apt-get download; unpacked into "
                + dir + ", not installed)");
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            HostCommand.run(List.of("apt-get", "download", pkg + "=" + version), tmp, APT_TIMEOUT,
                    "download " + pkg + " (is the package list current? run apt-get update)");
            Path deb;
            try (Stream<Path> files = Files.list(tmp)) {
                deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> LabException.failed("apt-get download " + pkg + " left no .deb in " + tmp));
            }
            Path tree = tmp.resolve("tree");
            HostCommand.run(List.of("dpkg-deb", "-x", deb.toString(), tree.toString()), null, TOOL_TIMEOUT,
                    "unpack " + deb.getFileName());
            Files.delete(deb);
            Path modules = tree.resolve("lib/modules");
            if (!Files.isDirectory(modules) && Files.isDirectory(tree.resolve("usr/lib/modules"))) {
                modules = tree.resolve("usr/lib/modules");
                Files.createDirectories(tree.resolve("lib"));
                Files.move(modules, tree.resolve("lib/modules"));
            }
            String release = onlyChild(tree.resolve("lib/modules"));
            HostCommand.run(List.of("depmod", "-b", tree.toString(), release), null, TOOL_TIMEOUT,
                    "index the guest kernel's modules (kmod)");
            Files.writeString(tree.resolve("READY"), pkg + " " + version + "\n");
            deleteTree(dir);
            Files.createDirectories(dir.getParent());
            Files.move(tree, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw LabException.failed("cannot unpack the guest kernel into " + dir + ": " + e.getMessage());
        } finally {
            deleteTree(tmp);
        }
    }

    /** initramfs-<hash of /init>.cpio beside the kernel: a new uringlab with a new /init builds its own. */
    private Path initramfs(Path dir, String release) throws LabException {
        byte[] init = resource("/lab/init");
        String hash = sha256(init).substring(0, 12);
        Path image = dir.resolve("initramfs-" + hash + ".cpio");
        if (Files.isRegularFile(image)) {
            return image;
        }
        requireStaticBusybox();
        say.accept("lab: building the guest's initramfs (" + image.getFileName() + ")");
        Path staging = dir.resolve("initramfs.tmp-" + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging.resolve("bin"));
            Files.createDirectories(staging.resolve("modules"));
            for (String d : List.of("proc", "sys", "dev", "host")) {
                Files.createDirectories(staging.resolve(d));
            }
            Files.copy(BUSYBOX, staging.resolve("bin/busybox"));
            staging.resolve("bin/busybox").toFile().setExecutable(true, false);
            Files.write(staging.resolve("init"), init);
            staging.resolve("init").toFile().setExecutable(true, false);
            List<String> order = new ArrayList<>();
            for (Path ko : moduleLoadOrder(dir, release)) {
                String name = ko.getFileName().toString();
                if (!order.contains(name)) {
                    Files.copy(ko, staging.resolve("modules").resolve(name));
                    order.add(name);
                }
            }
            Files.writeString(staging.resolve("modules/order"), String.join("\n", order) + "\n");
            Path tmpImage = dir.resolve(image.getFileName() + ".tmp");
            HostCommand.run(List.of("sh", "-c", "find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > \"$0\"",
                    tmpImage.toString()), staging, TOOL_TIMEOUT, "pack the initramfs (cpio)");
            Files.move(tmpImage, image, StandardCopyOption.ATOMIC_MOVE);
            return image;
        } catch (IOException e) {
            throw LabException.failed("cannot build the initramfs in " + dir + ": " + e.getMessage());
        } finally {
            deleteTree(staging);
        }
    }

    /** modprobe --show-depends gives each module after the ones it needs; "builtin" lines need nothing. */
    private static List<Path> moduleLoadOrder(Path dir, String release) throws LabException {
        Set<Path> order = new LinkedHashSet<>();
        for (String module : INITRAMFS_MODULES) {
            String out = HostCommand.run(List.of("modprobe", "-d", dir.toString(), "-S", release, "--show-depends",
                    module), null, TOOL_TIMEOUT, "find the modules " + module + " needs (kmod)");
            order.addAll(parseShowDepends(out));
        }
        return new ArrayList<>(order);
    }

    static List<Path> parseShowDepends(String out) {
        List<Path> paths = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("insmod")) {
                paths.add(Path.of(words[1]));
            }
        }
        return paths;
    }

    private static void requireStaticBusybox() throws LabException {
        if (!Files.isRegularFile(BUSYBOX)) {
            throw LabException.missing("busybox not found at /bin/busybox, needed for the guest's /init "
                    + "(install busybox-static: scripts/install-lab.sh)");
        }
        try (InputStream in = Files.newInputStream(BUSYBOX)) {
            // A dynamic binary names its loader near the start; the initramfs has no libraries to load.
            String head = new String(in.readNBytes(8192), StandardCharsets.ISO_8859_1);
            if (head.contains("ld-linux")) {
                throw LabException.missing("/bin/busybox is dynamically linked; the guest's initramfs needs "
                        + "busybox-static (scripts/install-lab.sh)");
            }
        } catch (IOException e) {
            throw LabException.failed("cannot read /bin/busybox: " + e.getMessage());
        }
    }

    private static String onlyChild(Path dir) throws LabException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            if (names.size() != 1) {
                throw LabException.failed("expected one kernel release under " + dir + ", found " + names);
            }
            return names.get(0);
        } catch (IOException e) {
            throw LabException.failed("cannot read " + dir + ": " + e.getMessage());
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = KernelCache.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
