package dev.uringlab.orchestrator.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/** The kernel refused a write: names the file, the value and the reason, in one line. */
public class HostWriteException extends HostException {

    // The JDK reports write(2) failures only as strerror text; the errno name is what users search for.
    private static final Map<String, String> ERRNO = Map.ofEntries(
            Map.entry("Operation not permitted", "EPERM"),
            Map.entry("Input/output error", "EIO"),
            Map.entry("No such device", "ENODEV"),
            Map.entry("Invalid argument", "EINVAL"),
            Map.entry("Device or resource busy", "EBUSY"),
            Map.entry("Permission denied", "EACCES"),
            Map.entry("No space left on device", "ENOSPC"),
            Map.entry("Read-only file system", "EROFS"),
            Map.entry("No such file or directory", "ENOENT"));

    private final String file;
    private final String errno;

    public HostWriteException(String file, String errno, String message) {
        super(message);
        this.file = file;
        this.errno = errno;
    }

    public static HostWriteException of(String file, String value, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "No such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "Permission denied";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String errno = ERRNO.getOrDefault(reason, "");
        String shown = value.strip().isEmpty() ? "''" : value.strip();
        return new HostWriteException(file, errno, "cannot write " + shown + " to " + file + ": " + reason
                + (errno.isEmpty() ? "" : " (" + errno + ")") + hint(file, errno));
    }

    private static String hint(String file, String errno) {
        if (file.startsWith("/proc/irq/") && errno.equals("EIO")) {
            return "; the kernel manages this IRQ's affinity (managed IRQ, e.g. an NVMe queue): change the queue layout instead";
        }
        if (file.startsWith("/proc/irq/") && errno.equals("EPERM")) {
            return "; this kernel or hypervisor does not allow moving this IRQ";
        }
        if (errno.equals("EACCES")) {
            return "; run as root";
        }
        return "";
    }

    public String file() {
        return file;
    }

    /** EPERM, EIO, ... or empty when the reason had no known errno. */
    public String errno() {
        return errno;
    }
}
