package dev.uringlab.orchestrator.lab;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How the guest starts this same uringlab: the same java binary and class path (the host's
 * files are the guest's files, read-only), with JVM options that suit an emulated CPU.
 */
final class GuestJava {

    /** C1 only and the serial GC: under TCG, C2 compiling and GC threads cost more than they return. */
    static final String JVM_OPTIONS = "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";
    static final String MAIN = "dev.uringlab.orchestrator.cli.Main";

    private GuestJava() {
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The class path with manifest-only jars (Surefire's booter jar, in a /tmp the guest
     * replaces by its own tmpfs) expanded into the entries their manifest names.
     */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(entry));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> expand(String entry) {
        Path p = Path.of(entry).toAbsolutePath();
        if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) {
            return List.of(p.toString());
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            boolean hasClasses = jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
            if (cp == null || hasClasses) {
                return List.of(p.toString());
            }
            List<String> out = new ArrayList<>();
            for (String item : cp.trim().split("\\s+")) {
                URI uri = p.getParent().toUri().resolve(item);
                out.add(Path.of(uri).toString());
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of(p.toString());
        }
    }
}
