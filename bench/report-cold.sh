#!/usr/bin/env bash
# The end-of-experiment report in a cold JVM, as a sweep pays it once per experiment: `plot` of a
# copy of RESULTS_DIR (tables, figures as PNG/SVG/PDF, report.html) in a fresh JVM with the
# launcher's options and a class-data archive of its own, REPS times; with several builds the
# runs are interleaved (A B A B ...) so that a neighbour's load falls on all of them alike.
#   bench/report-cold.sh RESULTS_DIR [REPS] [NAME=JAR ...]
# Default build: this checkout's orchestrator/target/uringlab.jar. Prints per build the median
# and the minimum of each phase `plot --peak-memory` reports (CPU summed over threads, or wall),
# of main_s (the command's wall from main) and cpu_s (the process's CPU, JIT and GC included).
# Make RESULTS_DIR once, e.g. ./uringlab run experiments.yaml --set workload.runtime=1 --results /tmp/r
# Measure on a quiet host, or under the same flock as other measurements:
#   flock /tmp/uringlab-measure.lock bench/report-cold.sh /tmp/r/irq-locality 10
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: bench/report-cold.sh RESULTS_DIR [REPS] [NAME=JAR ...]}"
reps="${2:-8}"
shift $(( $# > 2 ? 2 : $# ))
builds=("$@")
if [ ${#builds[@]} -eq 0 ]; then
  "$here/uringlab" --version >/dev/null   # builds the jar outside the timing
  builds=("this=$here/orchestrator/target/uringlab.jar")
fi
work="$(mktemp -d /tmp/uringlab-report-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
opts=(-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)   # the launcher's
for b in "${builds[@]}"; do
  name="${b%%=*}"
  cp "${b#*=}" "$work/$name.jar"
  cp -r "$dir" "$work/$name.dir"   # plot rewrites figures/ and report.html: never the caller's
  java "${opts[@]}" -XX:ArchiveClassesAtExit="$work/$name.jsa" -Xlog:cds=off -cp "$work/$name.jar" \
      dev.uringlab.orchestrator.cli.PlotCommand "$work/$name.dir" >/dev/null 2>&1 || true
done
for i in $(seq 1 "$reps"); do
  for b in "${builds[@]}"; do
    name="${b%%=*}"
    java "${opts[@]}" -XX:SharedArchiveFile="$work/$name.jsa" -Xlog:cds=off -cp "$work/$name.jar" \
        dev.uringlab.orchestrator.cli.PlotCommand --peak-memory "$work/$name.dir" \
      | awk -F'\t' -v n="$name" '/^phase=/ { sub(/^phase=/, "", $1); print n "\t" $1 " (" $3 ")\t" $2 }
                                 /^(main_s|cpu_s)=/ { split($0, kv, "="); print n "\t" kv[1] "\t" kv[2] }'
  done
done >"$work/samples.tsv"
echo "== report in a cold JVM: $(basename "$dir"), $reps runs per build, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$work/samples.tsv" <<'EOF'
import collections, statistics, sys
values = collections.defaultdict(list)
order = []
for line in open(sys.argv[1]):
    build, what, v = line.rstrip("\n").split("\t")
    if (build, what) not in values:
        order.append((build, what))
    values[(build, what)].append(float(v))
builds = list(dict.fromkeys(b for b, _ in order))
whats = list(dict.fromkeys(w for _, w in order))
print("%-52s" % "seconds: median [min]" + "".join("%22s" % b for b in builds))
for w in whats:
    cells = []
    for b in builds:
        v = values.get((b, w))
        cells.append("%22s" % ("%.3f [%.3f]" % (statistics.median(v), min(v)) if v else "-"))
    print("%-52s" % w + "".join(cells))
EOF
