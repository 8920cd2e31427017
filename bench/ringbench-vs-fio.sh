#!/bin/sh
# ringbench-vs-fio.sh: ringbench vs fio's io_uring engine, interleaved A/B pairs.
# usage: bench/ringbench-vs-fio.sh [FILE] [CPU] [PAIRS] [SECONDS] [QDS] [VARIANTS] [SQ_CPU]
#   VARIANTS: space-separated list of "default" and/or "sqpoll"
#   SQ_CPU: CPU of the SQPOLL thread (default: CPU 0 if CPU != 0, else 1); both tools
#   are pinned to CPU with taskset/--cpus, the SQ thread gets its own CPU (on one
#   shared CPU both fio and ringbench spin against their own SQ thread).
#   ANCHOR_HZ=N (environment, default 0 = off): during every run of either tool, a
#   sleeper pinned to CPU wakes N times a second. fio's own main thread does this
#   (about 100 wakeups/s on the job's CPU); ringbench has no second thread. On a
#   guest where the idle tick's stop/restart costs two TSC-deadline MSR writes
#   (VM exits) per I/O, that pending timer saves fio ~0.4 exits per I/O at QD 1
#   (measured with msr:write_msr on this lab VM, see bench/README.md).
#   ANCHOR_HZ=100 gives both tools the same timer environment.
#   SUBMIT_BATCH=N (environment, default 1 = fio's iodepth_batch_submit default):
#   ringbench's --submit-batch; 0 submits everything reaped in one io_uring_enter.
#   IDLE=poll (environment, default: leave the host's idle policy): for the whole
#   bench, CPU and SQ_CPU tolerate no idle exit latency (their
#   power/pm_qos_resume_latency_us set to n/a, restored on exit), so an idle CPU
#   polls instead of halting and the NOHZ tick is never stopped; what uringlab's
#   host.max_idle_latency_us: 0 does. Both tools then see the same idle path, and
#   the comparison measures their I/O paths rather than which one happens to keep
#   a timer pending (fio's main thread, see ANCHOR_HZ). Needs root.
#   BUFFERED=1 (environment): buffered reads of a file held in the page cache
#   (read once before every cell; fio gets --invalidate=0 so it does not drop it).
#   No device in the path: the table then compares the two tools' software paths
#   alone, where on this VM's disk both are bound by the device.
# Pairs alternate their order (fio first, then ringbench first, ...) so that a
# drift of the host (this VM's disk swings 10-15% within a minute) falls on
# both tools alike; one unrecorded warm-up run of each tool precedes every
# (variant, QD). Prints one table row per (variant, QD): median IOPS of each
# tool, the median of the per-pair ringbench/fio ratios with a 95% bootstrap
# interval, and how many pairs ringbench won; then each tool's median CPU time
# (user + system, getrusage) per I/O in µs, the cost that still differs when the
# device, not the tool, sets the IOPS.
set -eu
RB=${RB:-$(dirname "$0")/../workloads/ringbench/ringbench}
FILE=${1:-/var/tmp/ringbench-bench.dat}
CPU=${2:-1}
PAIRS=${3:-3}
SECS=${4:-3}
QDS=${5:-"1 4 16 64"}
VARIANTS=${6:-"default sqpoll"}
SQCPU=${7:-$([ "$CPU" = 0 ] && echo 1 || echo 0)}
ANCHOR_HZ=${ANCHOR_HZ:-0}
IDLE=${IDLE:-host}
BUFFERED=${BUFFERED:-0}
if [ "$BUFFERED" = 1 ]; then fio_io="--direct=0 --invalidate=0"; rb_io="--buffered"; io_desc="buffered, page cache"
else fio_io="--direct=1"; rb_io="--direct"; io_desc="O_DIRECT"; fi
[ -e "$FILE" ] || { dd if=/dev/urandom of="$FILE" bs=1M count=1024 status=none; sync; }
command -v fio >/dev/null || { echo "fio not installed" >&2; exit 1; }
[ -x "$RB" ] || { echo "ringbench not built: make -C workloads/ringbench" >&2; exit 1; }

anchor_pid=""
anchor_start() {
    [ "$ANCHOR_HZ" = 0 ] && return 0
    taskset -c "$CPU" python3 -c 'import sys, time
p = 1.0 / float(sys.argv[1])
while True:
    time.sleep(p)' "$ANCHOR_HZ" &
    anchor_pid=$!
}
anchor_stop() {
    [ -n "$anchor_pid" ] && { kill "$anchor_pid" 2>/dev/null; wait "$anchor_pid" 2>/dev/null || true; }
    anchor_pid=""
}
idle_saved=""
idle_restore() {
    for kv in $idle_saved; do
        echo "${kv#*=}" >"/sys/devices/system/cpu/cpu${kv%%=*}/power/pm_qos_resume_latency_us" || true
    done
    idle_saved=""
}
cleanup() { anchor_stop; idle_restore; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
case "$IDLE" in
host) ;;
poll)
    for c in $(printf '%s\n' "$CPU" "$SQCPU" | sort -u); do
        f=/sys/devices/system/cpu/cpu$c/power/pm_qos_resume_latency_us
        [ -w "$f" ] || { echo "IDLE=poll: cannot write $f (needs root)" >&2; exit 1; }
        idle_saved="$idle_saved $c=$(cat "$f")"
        echo n/a >"$f"
    done ;;
*) echo "IDLE must be host or poll, not '$IDLE'" >&2; exit 2 ;;
esac

fio_iops() { # qd variant
    extra=""
    [ "$2" = sqpoll ] && extra="--sqthread_poll=1 --sqthread_poll_cpu=$SQCPU"
    anchor_start
    taskset -c "$CPU" fio --name=rb --filename="$FILE" --ioengine=io_uring $fio_io \
        --rw=randread --bs=4k --iodepth="$1" --runtime="$SECS" --time_based \
        --randrepeat=0 $extra --output-format=json 2>/dev/null |
        python3 -c 'import json,sys; j=json.load(sys.stdin)["jobs"][0]
print(j["read"]["iops"], (j["usr_cpu"] + j["sys_cpu"]) / 100 * j["job_runtime"] * 1000 / j["read"]["total_ios"])'
    anchor_stop
}
rb_iops() { # qd variant
    # fio 3.33's ring flags, and its iodepth_batch_submit=1: every queued I/O is submitted
    # (or, with SQPOLL, published to the SQ thread) on its own
    if [ "$2" = sqpoll ]; then flags="--sqpoll --sq-thread-cpu $SQCPU"
    else flags="--coop-taskrun --single-issuer --defer-taskrun"; fi
    flags="$flags --submit-batch ${SUBMIT_BATCH:-1}"
    anchor_start
    # a fresh seed per run, as fio's randrepeat=0 draws one
    taskset -c "$CPU" "$RB" --file "$FILE" --rw randread --bs 4k $rb_io --qd "$1" --cpus "$CPU" \
        --runtime "$SECS" --seed "$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')" $flags |
        python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["errors"]==0
print(d["iops"], (d["cpu"]["usr_s"] + d["cpu"]["sys_s"]) * 1e6 / d["total_ios"])'
    anchor_stop
}

echo "# $(uname -r), fio $(fio --version), $io_desc, CPU $CPU, ${SECS}s runs, $PAIRS pairs, anchor ${ANCHOR_HZ} Hz, idle ${IDLE} ($(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo no cpuidle)), ringbench --submit-batch ${SUBMIT_BATCH:-1}"
printf '%-8s %4s %10s %10s %7s %15s %5s %8s %8s  %s\n' variant qd fio_iops rb_iops ratio "95% CI" wins fio_cpu rb_cpu "per-pair ratios"
for v in $VARIANTS; do
    for qd in $QDS; do
        if [ "$BUFFERED" = 1 ]; then cat "$FILE" >/dev/null; fi
        fio_iops "$qd" "$v" >/dev/null; rb_iops "$qd" "$v" >/dev/null   # warm-up
        fl=""; rl=""
        for p in $(seq "$PAIRS"); do
            if [ $((p % 2)) = 1 ]; then
                f=$(fio_iops "$qd" "$v"); r=$(rb_iops "$qd" "$v")
            else
                r=$(rb_iops "$qd" "$v"); f=$(fio_iops "$qd" "$v")
            fi
            fl="$fl ${f% *}:${f#* }"; rl="$rl ${r% *}:${r#* }"
        done
        python3 - "$v" "$qd" "$fl" "$rl" <<'PY'
import random, statistics as st, sys
v, qd = sys.argv[1], sys.argv[2]
fc = [[float(y) for y in x.split(":")] for x in sys.argv[3].split()]
rc = [[float(y) for y in x.split(":")] for x in sys.argv[4].split()]
f, r = [x[0] for x in fc], [x[0] for x in rc]
ratios = [b / a for a, b in zip(f, r)]
rng = random.Random(1)
boot = sorted(st.median(rng.choices(ratios, k=len(ratios))) for _ in range(2000))
ci = "[%.2f, %.2f]" % (boot[50], boot[1949])
wins = "%d/%d" % (sum(x >= 1.0 for x in ratios), len(ratios))
print("%-8s %4s %10.0f %10.0f %7.3f %15s %5s %8.2f %8.2f  %s" % (v, qd, st.median(f), st.median(r), st.median(ratios),
      ci, wins, st.median(x[1] for x in fc), st.median(x[1] for x in rc), " ".join("%.2f" % x for x in ratios)), flush=True)
PY
    done
done
