package dev.uringlab.orchestrator.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** How a value reaches a kernel file; the one seam where tests put a fake kernel. */
@FunctionalInterface
public interface KernelWriter {

    /**
     * Plain file write for procfs/sysfs: no O_CREAT (a missing knob must stay missing, not become
     * a regular file) and a single write(2), because sysfs parses only the first write of an open.
     * TRUNCATE_EXISTING is ignored by the kernel and makes fake trees behave like it.
     */
    KernelWriter FILES = (file, hostPath, value) -> {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(value);
            int written = ch.write(buf);
            if (written != value.length) {
                throw new IOException("short write (" + written + " of " + value.length + " bytes)");
            }
        }
    };

    void write(Path file, String hostPath, byte[] value) throws IOException;
}
