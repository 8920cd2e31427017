package dev.uringlab.orchestrator.cli;

import picocli.CommandLine.ITypeConverter;

/** Reads {@code --fail-on not-reproduced}. */
final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
        return FailOn.parse(value);
    }
}
