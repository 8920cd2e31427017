package dev.uringlab.orchestrator.host;


import java.util.Optional;

/** Whether the irqbalance daemon runs: its pid file, else any process named irqbalance. */
public final class Irqbalance {

    public static final String PID_FILE = "/run/irqbalance.pid";

    private Irqbalance() {
    }

    public static boolean running(HostFs fs) {
        Optional<String> pid = fs.readLine(PID_FILE);
        if (pid.isPresent() && isIrqbalance(fs, pid.get())) {
            return true;
        }
        // Debian's unit runs it in the foreground without a pid file.
        for (String entry : fs.list("/proc")) {
            if (entry.chars().allMatch(Character::isDigit) && isIrqbalance(fs, entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIrqbalance(HostFs fs, String pid) {
        return fs.readLine("/proc/" + pid + "/comm").map("irqbalance"::equals).orElse(false);
    }
}
