package dev.uringlab.orchestrator.host;

import java.util.SortedSet;

/** One interrupt of a block device: its number, its name in /proc/interrupts and where it lands. */
public record DeviceIrq(int irq, String name, SortedSet<Integer> effectiveCpus) {
}
