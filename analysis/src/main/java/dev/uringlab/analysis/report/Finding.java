package dev.uringlab.analysis.report;

/** One plain-language sentence computed from the data; a caution when the data do not support a difference. */
public record Finding(String text, boolean caution) {
}
