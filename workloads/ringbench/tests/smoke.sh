#!/bin/sh
# smoke.sh: run every mode and every flag of ringbench briefly on a 64 MiB file.
# usage: tests/smoke.sh [path/to/ringbench]        (make check)
set -u
RB=${1:-./ringbench}
DIR=$(mktemp -d "${TMPDIR:-/var/tmp}/ringbench-check.XXXXXX") || exit 1
trap 'rm -rf "$DIR"' EXIT INT TERM
F=$DIR/data
dd if=/dev/urandom of="$F" bs=1M count=64 status=none && sync || { echo "cannot create $F"; exit 1; }
NCPU=$(nproc)
CPUS=0; [ "$NCPU" -ge 2 ] && CPUS=0,1
pass=0; fail=0

# validate JSON on stdin: one document, iops > 0, errors == 0, flags granted == requested
check_json='
import json, sys
d = json.load(sys.stdin)
assert d["tool"] == "ringbench"
assert d["iops"] > 0, "iops %r" % d["iops"]
assert d["errors"] == 0, "errors %r %r" % (d["errors"], d["error_codes"])
assert d["short_reads"] == 0 and d["short_writes"] == 0
assert d["total_ios"] > 0 and d["latency_us"]["samples"] == d["total_ios"]
r = d["ring"]
assert r["granted_flags"]["value"] == r["requested_flags"]["value"], r
lat = d["latency_us"]
assert 0 < lat["p50"] <= lat["p99"] <= lat["max"] + 1e-3, lat
for k in ("usr_s", "sys_s", "voluntary_ctxsw", "involuntary_ctxsw"):
    assert k in d["cpu"]
if d["mode"] == "stall":
    assert len(d["stall"]["latencies_us"]) == d["stall"]["iterations"]
'

run() { # description, args...
    desc=$1; shift
    out=$("$RB" --file "$F" "$@" 2>"$DIR/err"); rc=$?
    if [ $rc -ne 0 ]; then
        # IOPOLL needs a device with poll queues, a host capability: where it is missing, the
        # promised refusal (exit 1, one line naming EOPNOTSUPP) is what gets checked.
        if [ $rc -eq 1 ] && grep -q "EOPNOTSUPP" "$DIR/err" && [ "$(wc -l < "$DIR/err")" -eq 1 ] && [ "$desc" = iopoll ]; then
            echo "ok   $desc -> refused on a device without poll queues: $(cat "$DIR/err")"; pass=$((pass + 1)); return
        fi
        echo "FAIL $desc (exit $rc): $(cat "$DIR/err")"; fail=$((fail + 1)); return
    fi
    if msg=$(printf '%s' "$out" | python3 -c "$check_json" 2>&1); then
        echo "ok   $desc"; pass=$((pass + 1))
    else
        echo "FAIL $desc: $(printf '%s' "$msg" | tail -1)"; fail=$((fail + 1))
    fi
}

expect_exit() { # description, code, args...
    desc=$1; code=$2; shift 2
    "$RB" "$@" >"$DIR/out" 2>"$DIR/err"; rc=$?
    if [ $rc -eq "$code" ] && [ -s "$DIR/err" ] && [ ! -s "$DIR/out" ]; then
        echo "ok   $desc -> exit $rc: $(head -1 "$DIR/err")"; pass=$((pass + 1))
    else
        echo "FAIL $desc: exit $rc (want $code): $(head -1 "$DIR/err")"; fail=$((fail + 1))
    fi
}

B="--ios 3000 --qd 8"
run default                 $B
run coop-taskrun            $B --coop-taskrun
run coop+taskrun-flag       $B --coop-taskrun --taskrun-flag
run single-issuer           $B --single-issuer
run defer-taskrun           $B --single-issuer --defer-taskrun
run fio-flags               $B --coop-taskrun --single-issuer --defer-taskrun
run sqpoll                  $B --sqpoll
run sqpoll-cpu-idle         $B --sqpoll --sq-thread-cpu 0 --sq-thread-idle 10
run sqpoll-cq-enter         $B --sqpoll --cq-wait enter
run iopoll                  $B --iopoll
run force-async-1           $B --force-async 1
run force-async-4           $B --force-async 4
run submit-batch-1          $B --submit-batch 1 --coop-taskrun --single-issuer --defer-taskrun
run submit-batch-3-sqpoll   $B --submit-batch 3 --sqpoll
run fixed-files             $B --fixed-files
run fixed-buffers           $B --fixed-buffers
run vectored                $B --vectored
run vectored-fixed-buffers  $B --vectored --fixed-buffers
run register-ring-fd        $B --register-ring-fd
run buffered                $B --buffered
run busy-sibling            $B --busy-sibling
run think-cycles            $B --think-cycles 20000
run qd1                     --ios 2000 --qd 1
run bs-64k                  --ios 500 --qd 4 --bs 64k
run rw-read                 $B --rw read
run rw-write                $B --rw write
run rw-randwrite            $B --rw randwrite
run rw-mixed                $B --rw mixed --mix-read-pct 70
run size-part               $B --size 8m
run seed                    $B --seed 7
run runtime                 --runtime 1 --qd 4
run jobs-2                  $B --jobs 2 --cpus $CPUS
run completion-thread       --mode completion-thread --ios 3000 --qd 8 --cpus $CPUS
run completion-thread-qd1   --mode completion-thread --ios 1000 --qd 1 --cpus $CPUS
run completion-thread-flags --mode completion-thread --ios 2000 --qd 4 --cpus $CPUS --coop-taskrun --single-issuer --fixed-files --fixed-buffers
run completion-thread-sb1   --mode completion-thread --ios 2000 --qd 8 --cpus $CPUS --submit-batch 1
run completion-thread-sqp   --mode completion-thread --ios 2000 --qd 4 --sqpoll
run stall                   --mode stall --iterations 20 --cpus $CPUS
run stall-coop              --mode stall --iterations 20 --cpus $CPUS --coop-taskrun
run stall-defer             --mode stall --iterations 5 --cpus $CPUS --single-issuer --defer-taskrun --stall-timeout-ms 20

# --mode cat: the whole file, through io_uring and through read(2), must yield the same bytes: equal
# sizes and equal sample sums (one word per 4 KiB, weighted by page), also when the file size is not
# a multiple of the chunk (a short last chunk) and with more chunks in flight than the file has.
check_cat='
import json, sys
size, want = int(sys.argv[1]), sys.argv[2]
d = json.load(sys.stdin)
assert d["mode"] == "cat" and d["options"]["cat_api"] == want, d["options"]
assert d["file_bytes"] == size and d["bytes"] == size, (d["file_bytes"], d["bytes"], size)
assert d["read_us"] > 0 and d["elapsed_s"] >= 0
print("sum=%d" % d["sample_sum"])
'
head -c 300001 "$F" > "$DIR/odd"
for cat in "$F:64m:128k:4" "$DIR/odd:300001:4k:8" "$DIR/odd:300001:1m:16"; do
    IFS=: read -r file bytes bs qd <<EOF2
$cat
EOF2
    size=$(stat -c %s "$file")
    u=$("$RB" --mode cat --cat-api uring --file "$file" --bs "$bs" --qd "$qd" 2>"$DIR/err" | python3 -c "$check_cat" "$size" uring 2>&1)
    r=$("$RB" --mode cat --cat-api read --file "$file" --bs "$bs" 2>>"$DIR/err" | python3 -c "$check_cat" "$size" read 2>&1)
    if [ "${u#sum=}" != "$u" ] && [ "$u" = "$r" ] && [ ! -s "$DIR/err" ]; then
        echo "ok   cat $bytes bytes bs $bs qd $qd: uring and read(2) read the same bytes"; pass=$((pass + 1))
    else
        echo "FAIL cat $bytes bytes bs $bs qd $qd: uring '$u' read '$r' $(cat "$DIR/err")"; fail=$((fail + 1))
    fi
done
: > "$DIR/empty"
# --size: the first N bytes as if the file ended there; the same bytes as a whole file of N bytes.
head -c 200000 "$F" > "$DIR/first"
a=$("$RB" --mode cat --cat-api uring --file "$F" --size 200000 --bs 64k --qd 4 | python3 -c "$check_cat" 200000 uring 2>&1)
b=$("$RB" --mode cat --cat-api read --file "$F" --size 200000 --bs 64k | python3 -c "$check_cat" 200000 read 2>&1)
c=$("$RB" --mode cat --cat-api read --file "$DIR/first" --bs 64k | python3 -c "$check_cat" 200000 read 2>&1)
if [ "${a#sum=}" != "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]; then
    echo "ok   cat --size 200000: the same bytes as a 200000-byte file"; pass=$((pass + 1))
else
    echo "FAIL cat --size 200000: uring '$a' read '$b' file '$c'"; fail=$((fail + 1))
fi
expect_exit "cat --size beyond the end"                   1 --file "$DIR/first" --mode cat --size 1m
run_cat_empty=$("$RB" --mode cat --file "$DIR/empty" | python3 -c "$check_cat" 0 uring 2>&1) \
    && { echo "ok   cat of an empty file"; pass=$((pass + 1)); } \
    || { echo "FAIL cat of an empty file: $run_cat_empty"; fail=$((fail + 1)); }

# The passthrough shim forwards every call: the bytes stay the same, and its counters show it was there.
SHIM=$(dirname "$RB")/passthrough.so
if out=$(PASSTHROUGH_REPORT=1 LD_PRELOAD="$SHIM" "$RB" --mode cat --cat-api read --file "$DIR/odd" 2>"$DIR/shim" \
        | python3 -c "$check_cat" 300001 read 2>&1) && [ "${out#sum=}" != "$out" ] && [ "$out" = "$r" ] \
        && grep -Eq '^passthrough: open [1-9][0-9]* read [1-9][0-9]*' "$DIR/shim"; then
    echo "ok   passthrough shim: same bytes, $(cat "$DIR/shim")"; pass=$((pass + 1))
else
    echo "FAIL passthrough shim: '$out' vs '$r': $(cat "$DIR/shim")"; fail=$((fail + 1))
fi

expect_exit "cat with --runtime"                          2 --file "$F" --mode cat --runtime 1
expect_exit "cat with a per-SQE option"                   2 --file "$F" --mode cat --fixed-files
expect_exit "--cat-api without --mode cat"                2 --file "$F" --cat-api read --ios 10
expect_exit "bad --cat-api"                               2 --file "$F" --mode cat --cat-api mmap
expect_exit "cat of a missing file"                       1 --file "$DIR/absent" --mode cat
expect_exit "flag rejected (DEFER without SINGLE_ISSUER)" 2 --file "$F" --ios 100 --defer-taskrun
expect_exit "flag rejected (SQPOLL+COOP)"                 2 --file "$F" --ios 100 --sqpoll --coop-taskrun
expect_exit "bad option"                                  2 --file "$F" --no-such-option
expect_exit "stall with --submit-batch"                  2 --file "$F" --mode stall --submit-batch 2
expect_exit "bad --rw"                                    2 --file "$F" --rw sideways
expect_exit "missing --file"                              2 --ios 10
expect_exit "missing file"                                1 --file "$DIR/absent" --ios 10

echo "ringbench smoke: $pass passed, $fail failed"
[ $fail -eq 0 ]
