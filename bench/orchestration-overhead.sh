#!/usr/bin/env bash
# Orchestration overhead of a sweep: wall time beyond the workload processes, per run.
#   bench/orchestration-overhead.sh [FILE] [RUNTIME] [EXTRA uringlab run ARGS...]
# Runs FILE (default: experiments.yaml, 8 runs) with --set workload.runtime=RUNTIME (default 3)
# into a fresh results directory, with URINGLAB_TIMING=1 so the sweep prints its time per
# phase, then prints sweep wall / sum of workload wall and the overhead per run.
# Measure on a quiet host (or under the same flock as other measurements).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-$here/experiments.yaml}"
runtime="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
results="$(mktemp -d /tmp/uringlab-overhead-bench.XXXXXX)"
trap 'rm -rf "$results"' EXIT
"$here/uringlab" plan "$file" --set "workload.runtime=$runtime" >/dev/null   # builds the jar outside the timing
start=$(date +%s.%N)
URINGLAB_TIMING=1 "$here/uringlab" run "$file" --set "workload.runtime=$runtime" --results "$results" "$@" | tee "$results/out.txt"
end=$(date +%s.%N)
line="$(grep '^done: ' "$results/out.txt")"
runs=$(sed -E 's/^done: ([0-9]+) ok, ([0-9]+) failed.*/\1 \2/' <<<"$line" | awk '{ print $1 + $2 }')
wall=$(sed -E 's/.* in ([0-9.]+) s \(workloads.*/\1/' <<<"$line")
work=$(sed -E 's/.*\(workloads ([0-9.]+) s,.*/\1/' <<<"$line")
awk -v r="$runs" -v w="$wall" -v x="$work" -v p="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" 'BEGIN {
  printf "runs %d | sweep wall %.1f s | sum of workload wall %.1f s | ratio %.3f | overhead %.3f s/run | whole command %.1f s (%.3f s/run beyond the workloads)\n",
    r, w, x, w / x, (w - x) / r, p, (p - x) / r }'
