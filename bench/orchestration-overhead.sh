#!/usr/bin/env bash
# Orchestration overhead of a sweep: wall time beyond the workload processes, per run.
#   bench/orchestration-overhead.sh [FILE] [RUNTIME] [EXTRA uringlab run ARGS...]
# Runs FILE (default: experiments.yaml, 8 runs) with --set workload.runtime=RUNTIME (default 3)
# into a fresh results directory, with URINGLAB_TIMING=1 so the sweep prints its time per
# phase, then prints sweep wall / sum of workload wall, the overhead per run, and that overhead
# split into what every run costs and what each experiment costs once (compile+attach of the
# probes, report and figures, manifest), so sweeps of other sizes can be estimated from it.
# Measure on a quiet host, or under the same flock as other measurements:
#   flock /tmp/uringlab-measure.lock bench/orchestration-overhead.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-$here/experiments.yaml}"
runtime="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
results="$(mktemp -d /tmp/uringlab-overhead-bench.XXXXXX)"
# Kept when a run failed: its error (and the tool's output) is the only account of what happened.
trap 'if grep -Eq "^done: [0-9]+ ok, 0 failed" "$results/out.txt" 2>/dev/null; then rm -rf "$results";
      else echo "results kept (a run failed or the sweep did not finish): $results" >&2; fi' EXIT
"$here/uringlab" plan "$file" --set "workload.runtime=$runtime" >/dev/null   # builds the jar outside the timing
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
URINGLAB_TIMING=1 "$here/uringlab" run "$file" --set "workload.runtime=$runtime" --results "$results" "$@" | tee "$results/out.txt"
end=$(date +%s.%N)
line="$(grep '^done: ' "$results/out.txt")"
runs=$(sed -E 's/^done: ([0-9]+) ok, ([0-9]+) failed.*/\1 \2/' <<<"$line" | awk '{ print $1 + $2 }')
wall=$(sed -E 's/.* in ([0-9.]+) s \(workloads.*/\1/' <<<"$line")
work=$(sed -E 's/.*\(workloads ([0-9.]+) s,.*/\1/' <<<"$line")
# Once per experiment: the phases named "experiment: ..." and each compile+attach of a probe process
# (once per experiment when shared, once per run with --probes-per-run: then it is per run).
fixed=$(awk 'match($0, /[0-9.]+ s +[0-9]+ x/) { split(substr($0, RSTART, RLENGTH), f, " ");
  if ($1 == "experiment:" || (index($0, "compile+attach") && f[3] == 1)) s += f[1] } END { printf "%.3f", s + 0 }' "$results/out.txt")
echo
echo "== orchestration overhead: $(basename "$file"), runtime $runtime s, $(nproc) CPUs, load average $load_before before / $(cut -d' ' -f1-3 /proc/loadavg) after${*:+, extra args: $*}"
awk -v r="$runs" -v w="$wall" -v x="$work" -v fx="$fixed" -v p="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" 'BEGIN {
  printf "runs %d | sweep wall %.1f s | sum of workload wall %.1f s | ratio %.3f | overhead %.3f s/run\n", r, w, x, w / x, (w - x) / r
  printf "  of which once per experiment %.2f s (probe compile+attach, report+figures, manifest: %.3f s/run at %d runs)\n", fx, fx / r, r
  printf "  and per run %.3f s (dumps, snapshots, run.json, runs.csv, ...: what one more run adds)\n", (w - x - fx) / r
  printf "whole command %.1f s (%.3f s/run beyond the workloads, JVM start and planning included)\n", p, (p - x) / r }'
echo "(workload wall = each workload process from start to exit, its own start-up included; see 'time per phase' above)"
