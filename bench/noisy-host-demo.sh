#!/usr/bin/env bash
# The noisy-host label on a real sweep: the same sweep twice, alone and beside a CPU + I/O hog
# (a busy loop, and fio io_uring random reads of another file at QD 8; neither pinned, neither
# declared in the experiment). Prints per run: host_other_cpu_pct, IOPS, the system-wide
# io_uring_enter and fget counts per I/O (which the hog's own I/O inflates) and the label.
#   bench/noisy-host-demo.sh [FILE] [RUNTIME] [EXTRA uringlab run ARGS...]
# Measure under: flock /tmp/uringlab-measure.lock bench/noisy-host-demo.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-$here/experiments.yaml}"
runtime="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
work="$(mktemp -d /tmp/uringlab-noisy-demo.XXXXXX)"
hogs=()
cleanup() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
jar="${JAR:-$here/orchestrator/target/uringlab.jar}"   # JAR=...: a fixed build, whatever the tree holds now
[ -f "$jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
cp "$jar" "$work/uringlab.jar" && jar="$work/uringlab.jar"   # a rebuild meanwhile must not change it under the sweep
uringlab() { java -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$@"; }
table() {
  python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'run':34} {'other %CPU':>10} {'IOPS':>8} {'enter/IO':>9} {'fget/IO':>8}  label")
for r in rows:
    noisy = "NOISY" if "noisy host:" in r.get("warnings", "") else ""
    f = lambda k: r.get(k) or "-"
    print(f"{r['run_id'][:34]:34} {f('host_other_cpu_pct')[:6]:>10} {f('iops')[:8]:>8} {f('io_uring_enter_per_io')[:6]:>9}"
          f" {f('fget_per_io')[:6]:>8}  {noisy}")
PY
}
# One sweep per host: while another holds uringlab's host lock (a test suite's sweep, say), wait for it.
sweep() {
  local results="$1"; shift
  for _ in $(seq 1 90); do
    uringlab run "$file" --set "workload.runtime=$runtime" --results "$results" "$@" >"$results.log" 2>&1 || true
    grep -q 'another sweep is running' "$results.log" || break
    sleep 10
  done
  grep -E '^\[|warning: noisy|^done' "$results.log" || true
}
echo "== alone"
sweep "$work/alone" "$@"
for csv in "$work"/alone/*/runs.csv; do table "$csv"; done
echo "== beside a CPU hog and an I/O hog"
sh -c 'while :; do :; done' & hogs+=($!)
fio --name=hog --filename="$work/hog.dat" --size=256m --ioengine=io_uring --rw=randread --bs=4k --direct=1 \
  --iodepth=8 --time_based --runtime=3600 >/dev/null 2>&1 & hogs+=($!)
sleep 3
sweep "$work/hog" "$@"
for csv in "$work"/hog/*/runs.csv; do table "$csv"; done
