package dev.uringlab.orchestrator.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The cpuidle side of a host: which driver and governor put idle CPUs to sleep, each CPU's idle
 * states with their exit latencies, and each CPU's PM QoS resume-latency limit. The limit is what
 * the governor obeys: {@code n/a} (0 µs tolerated) leaves only polling, so an idle CPU never halts
 * and its NOHZ tick is never stopped; {@code 0} means no limit.
 */
public final class CpuIdle {

    public static final String NO_LIMIT = "0";
    public static final String POLL_ONLY = "n/a";

    private static final String BASE = "/sys/devices/system/cpu/";

    /** One idle state of one CPU, e.g. C6 with a 133 µs exit latency. */
    public record State(String name, int latencyUs, boolean disabled) {
    }

    private CpuIdle() {
    }

    /** {@code none} when the kernel has no cpuidle driver (the arch's default idle: no states, no QoS). */
    public static String driver(HostFs fs) {
        return fs.readLine(BASE + "cpuidle/current_driver").orElse("none");
    }

    public static String governor(HostFs fs) {
        return fs.readLine(BASE + "cpuidle/current_governor")
                .or(() -> fs.readLine(BASE + "cpuidle/current_governor_ro")).orElse("none");
    }

    public static String limitFile(int cpu) {
        return BASE + "cpu" + cpu + "/power/pm_qos_resume_latency_us";
    }

    /** The sysfs spelling of a limit in µs: 0 becomes {@code n/a}, which the kernel reads as "no latency at all". */
    public static String limitValue(int maxLatencyUs) {
        return maxLatencyUs == 0 ? POLL_ONLY : Integer.toString(maxLatencyUs);
    }

    public static Optional<String> limit(HostFs fs, int cpu) {
        return fs.readLine(limitFile(cpu));
    }

    public static List<State> states(HostFs fs, int cpu) {
        String dir = BASE + "cpu" + cpu + "/cpuidle/";
        List<String> names = new ArrayList<>(fs.list(dir));
        names.removeIf(n -> !n.matches("state\\d+"));
        names.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5))));
        List<State> states = new ArrayList<>();
        for (String n : names) {
            String name = fs.readLine(dir + n + "/name").orElse(n);
            int latency = fs.readLine(dir + n + "/latency").map(CpuIdle::intOrMax).orElse(Integer.MAX_VALUE);
            boolean disabled = fs.readLine(dir + n + "/disable").map("1"::equals).orElse(false);
            states.add(new State(name, latency, disabled));
        }
        return states;
    }

    /** The states the governor may still pick under {@code limit} (a sysfs value: 0 = no limit, n/a = none but polling). */
    public static List<String> allowedUnder(List<State> states, String limit) {
        long max = switch (limit) {
            case NO_LIMIT -> Long.MAX_VALUE;
            case POLL_ONLY -> 0;
            default -> intOrMax(limit);
        };
        List<String> allowed = new ArrayList<>();
        for (State s : states) {
            if (!s.disabled() && s.latencyUs() <= max) {
                allowed.add(s.name());
            }
        }
        return allowed;
    }

    /** limit → CPUs holding it, so 40 CPUs without a limit are one entry ({@code "0": "0-39"}). */
    public static Map<String, String> limitsByValue(HostFs fs, SortedSet<Integer> cpus) {
        return CpuList.byValue(cpus, c -> limit(fs, c));
    }

    private static int intOrMax(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
