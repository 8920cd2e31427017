#!/bin/sh
# ringbench-vs-fio.sh: ringbench vs fio's io_uring engine, interleaved A/B pairs.
# usage: bench/ringbench-vs-fio.sh [FILE] [CPU] [PAIRS] [SECONDS] [QDS] [VARIANTS] [SQ_CPU]
#   VARIANTS: space-separated list of "default" and/or "sqpoll"
#   SQ_CPU: CPU of the SQPOLL thread (default: CPU 0 if CPU != 0, else 1); both tools
#   are pinned to CPU with taskset/--cpus, the SQ thread gets its own CPU (on one
#   shared CPU both fio and ringbench spin against their own SQ thread).
# Prints one table row per (variant, QD): median IOPS of each tool and the
# median of the per-pair ringbench/fio ratios.
set -eu
RB=${RB:-$(dirname "$0")/../workloads/ringbench/ringbench}
FILE=${1:-/var/tmp/ringbench-bench.dat}
CPU=${2:-1}
PAIRS=${3:-3}
SECS=${4:-3}
QDS=${5:-"1 4 16 64"}
VARIANTS=${6:-"default sqpoll"}
SQCPU=${7:-$([ "$CPU" = 0 ] && echo 1 || echo 0)}
[ -e "$FILE" ] || { dd if=/dev/urandom of="$FILE" bs=1M count=1024 status=none; sync; }
command -v fio >/dev/null || { echo "fio not installed" >&2; exit 1; }

fio_iops() { # qd variant
    extra=""
    [ "$2" = sqpoll ] && extra="--sqthread_poll=1 --sqthread_poll_cpu=$SQCPU"
    taskset -c "$CPU" fio --name=rb --filename="$FILE" --ioengine=io_uring --direct=1 \
        --rw=randread --bs=4k --iodepth="$1" --runtime="$SECS" --time_based \
        --randrepeat=0 $extra --output-format=json 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs"][0]["read"]["iops"])'
}
rb_iops() { # qd variant
    if [ "$2" = sqpoll ]; then flags="--sqpoll --sq-thread-cpu $SQCPU"
    else flags="--coop-taskrun --single-issuer --defer-taskrun"; fi  # fio 3.33's ring flags
    "$RB" --file "$FILE" --rw randread --bs 4k --direct --qd "$1" --cpus "$CPU" \
        --runtime "$SECS" $flags |
        python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["errors"]==0; print(d["iops"])'
}

printf '%-8s %4s %12s %12s %8s  %s\n' variant qd fio_iops rb_iops ratio "per-pair ratios"
for v in $VARIANTS; do
    for qd in $QDS; do
        fl=""; rl=""
        for p in $(seq "$PAIRS"); do
            fl="$fl $(fio_iops "$qd" "$v")"
            rl="$rl $(rb_iops "$qd" "$v")"
        done
        python3 - "$v" "$qd" "$fl" "$rl" <<'PY'
import statistics as st, sys
v, qd, f, r = sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3].split()], [float(x) for x in sys.argv[4].split()]
ratios = [b / a for a, b in zip(f, r)]
print("%-8s %4s %12.0f %12.0f %8.3f  %s" % (v, qd, st.median(f), st.median(r), st.median(ratios),
      " ".join("%.2f" % x for x in ratios)))
PY
    done
done
