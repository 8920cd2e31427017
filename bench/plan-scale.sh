#!/usr/bin/env bash
# How long planning a huge sweep takes and how much memory it needs.
#   bench/plan-scale.sh [RUNS...]   (default: 100000 1000000)
# For each size: an experiment file of fio axes whose product is RUNS (10^5: 5 axes of 10,
# 10^6: 6 axes of 10), then `uringlab plan FILE --max-runs RUNS` (every run printed, to a
# file) and `uringlab run FILE --max-runs RUNS --runs NOSUCH` (plans, then refuses the
# unknown id: the run path's planning without running anything), each under every heap
# limit in HEAPS (default "128m 512m"). Prints wall time, exit code, the JVM's peak used
# heap after a collection (from -Xlog:gc, which is what the live data needed) and peak RSS.
# JAR=... measures another build (e.g. the one before a change).
# Measure under: flock /tmp/uringlab-measure.lock bench/plan-scale.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$here/orchestrator/target/uringlab.jar}"
[ -f "$jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
heaps="${HEAPS:-128m 512m}"
work="$(mktemp -d /tmp/uringlab-plan-scale.XXXXXX)"
trap 'rm -rf "$work"' EXIT
axes=("iodepth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]" "bs: [4k, 8k, 12k, 16k, 20k, 24k, 28k, 32k, 36k, 40k]"
      "numjobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]" "rwmixread: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]"
      "runtime: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]" "ramp_time: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
printf '%-9s %-6s %-5s %8s %5s %12s %9s\n' runs heap cmd wall_s exit peak_heap_MB rss_MB
for runs in ${@:-100000 1000000}; do
  n=0; for ((r = runs; r > 1; r /= 10)); do n=$((n + 1)); done
  f="$work/sweep-$runs.yaml"
  { printf 'experiments:\n  - name: big\n    workload: {kind: fio, rw: randrw, direct: true}\n'
    printf '    target: {kind: scratch, path: %s/scratch.dat, size: 64m}\n    sweep:\n' "$work"
    for ((i = 0; i < n; i++)); do printf '      %s\n' "${axes[$i]}"; done; } >"$f"
  for heap in $heaps; do
    for cmd in plan run; do
      args=(plan "$f" --max-runs "$runs")
      [ "$cmd" = run ] && args=(run "$f" --max-runs "$runs" --runs no-such-run --results "$work/results")
      start=$(date +%s.%N)
      set +e
      /usr/bin/time -f '%M' -o "$work/rss" java "-Xmx$heap" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        "-Xlog:gc:file=$work/gc.log" -jar "$jar" "${args[@]}" >"$work/out" 2>"$work/err"
      code=$?
      set -e
      end=$(date +%s.%N)
      # "Pause Young (Allocation Failure) 33M->1M(123M)": the heap in use after each collection
      peak=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
      printf '%-9s %-6s %-5s %8.1f %5s %12s %9d\n' "$runs" "$heap" "$cmd" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" \
        "$code" "${peak:-0}" "$(( $(tail -1 "$work/rss") / 1024 ))"
      if [ "$code" != 0 ] && ! grep -q "no run 'no-such-run'" "$work/err"; then sed 's/^/    /' "$work/err" | head -3; fi
    done
  done
done
