package dev.uringlab.orchestrator.lab;

import java.nio.file.Path;

/**
 * A Debian kernel unpacked in the cache: {@code pkg}/{@code version} name the package it came
 * from, {@code release} is its uname -r; {@code modulesDir} is its lib/modules (bound over the
 * guest's /lib/modules so modprobe works in the guest).
 */
public record GuestKernel(String pkg, String version, String release, Path vmlinuz, Path modulesDir, Path initramfs) {
}
