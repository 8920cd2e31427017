package dev.uringlab.orchestrator.noise;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.report.NoisyDiskFinding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The noisy-disk label: a run during which the workload's disk moved more than a threshold of
 * bytes beyond the workload's own gets the {@code host_other_disk_pct} column and a warning,
 * which the progress line prints and the report counts. Beside it, {@code host_disk_mb} is
 * everything the disk moved in the window, kept also when the workload's bytes are unknown.
 */
public final class NoisyDisk {

    private NoisyDisk() {
    }

    /** {@code metrics} plus {@code host_disk_mb}, and {@code host_other_disk_pct} when the workload reported its bandwidth. */
    public static Map<String, Double> addTo(DiskIoMeter meter, Map<String, Double> metrics) {
        if (meter == null) {
            return metrics;
        }
        OptionalDouble disk = meter.diskMb();
        if (disk.isEmpty()) {
            return metrics;
        }
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.put(NoisyDiskFinding.DISK_MB, disk.getAsDouble());
        workloadMb(metrics).ifPresent(own -> out.put(NoisyDiskFinding.METRIC,
                Math.max(0, disk.getAsDouble() - own) / own * 100));
        return out;
    }

    /**
     * What the workload moved, from its bandwidth over its runtime (fio, ringbench); empty when it
     * moved nothing or does not say. Page-cache hits make the disk move less than this, so other
     * I/O hidden behind them is not seen: the column is a lower bound.
     */
    static Optional<Double> workloadMb(Map<String, Double> metrics) {
        Double bw = metrics.get(Metrics.BW_MB_S);
        Double runtime = metrics.get(Metrics.RUNTIME_S);
        if (bw == null || runtime == null || bw * runtime <= 0) {
            return Optional.empty();
        }
        return Optional.of(bw * runtime);
    }

    /** The run's label when other I/O on its disk went above {@code thresholdPct} of the workload's own bytes. */
    public static Optional<String> warning(Map<String, Double> metrics, double thresholdPct) {
        Double other = metrics.get(NoisyDiskFinding.METRIC);
        Double disk = metrics.get(NoisyDiskFinding.DISK_MB);
        if (other == null || disk == null || other <= thresholdPct) {
            return Optional.empty();
        }
        double own = disk / (1 + other / 100);
        return Optional.of(NoisyDiskFinding.WARNING_PREFIX + String.format(Locale.ROOT,
                "the workload's disk moved %.0f MB during the run, %.0f%% more than the workload's own %.0f MB (above %s%%,"
                        + " see run --noisy-above): other I/O queued on the same device", disk, other, own,
                NoisyHost.thresholdText(thresholdPct)));
    }
}
