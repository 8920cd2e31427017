package dev.uringlab.orchestrator.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LabIT runs its checks in a second guest only when the first guest's own kernel log shows a panic or oops. */
class GuestKernelCrashTest {

    @TempDir
    Path results;

    private void keptKernelLog(String resource) throws Exception {
        Path dir = Files.createDirectories(results.resolve(".lab/20261128-211500"));
        try (InputStream in = getClass().getResourceAsStream("/lab/" + resource)) {
            Files.copy(in, dir.resolve("kernel.log"));
        }
    }

    @Test
    void theCiGuestsOopsIsAGuestKernelCrash() throws Exception {
        keptKernelLog("console-6.1.0-56-amd64-oops-then-lockups.log");
        Optional<String> crash = LabPrerequisites.guestKernelCrash(results);
        assertTrue(crash.isPresent());
        assertTrue(crash.get().startsWith("BUG: kernel NULL pointer dereference"), crash.get());
    }

    @Test
    void aHealthyGuestOrNoGuestIsNot() throws Exception {
        assertEquals(Optional.empty(), LabPrerequisites.guestKernelCrash(results));
        keptKernelLog("dmesg-6.1.0-56-amd64-healthy-boot.log");
        assertEquals(Optional.empty(), LabPrerequisites.guestKernelCrash(results));
    }
}
