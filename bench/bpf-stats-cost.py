#!/usr/bin/env python3
"""What turning on the kernel's BPF run-time statistics costs a probed workload.

    sudo flock /tmp/uringlab-measure.lock bench/bpf-stats-cost.py [--pairs 10] [--seconds 5] [--qd 1,16] [--cpu 1]

uringlab sets kernel.bpf_stats_enabled=1 for every probed sweep (issue 14: probe cost per run).
With it on, the kernel reads the clock before and after every BPF program run and adds the
difference to the program's run_time_ns: a cost paid on every probe event, on top of the
probe itself. This bench measures it where it lands, on the workload:

- one bpftrace process with the default sweep's probe set (tracepoint variants, as on this VM:
  io_uring_enter, fget, the disk's IRQs per CPU, local timer, IPIs by call site) stays attached
  for the whole bench, so both sides of a pair are probed and differ only in the stats switch;
- interleaved A/B pairs of fio (io_uring, 4 KiB O_DIRECT random reads, pinned to --cpu) with
  stats off and on, the order alternating pair by pair so a drift of the host falls on both;
- per pair the on/off ratio of IOPS and of fio's CPU time per I/O (usr+sys, which includes the
  probes that ran in fio's context); the median ratio with a seeded bootstrap 95% interval;
- the sysctl is checked after every fio run; a pair during which something else switched it
  (another sweep, a test) is dropped and counted;
- with stats on, the probe programs' own ns/event (bpftool), so the clock reads' share of it
  can be set against the stats-off runs.

Prints one row per queue depth. The original value of kernel.bpf_stats_enabled is restored.

--events adds the cost per probe event without a disk in the way: a C loop of getppid() pinned
to --cpu, with a bpftrace count() on sys_enter_getppid attached, in interleaved pairs of stats
off/on (and once with no probe at all), printing the median ns per call of each.
"""
import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

STATS = "/proc/sys/kernel/bpf_stats_enabled"
HOST_LOCK = "/run/lock/uringlab.lock"


def host_lock(work, wait_s=900):
    """uringlab's one-sweep-per-host lock (an fcntl lock, as Java's FileLock takes it): a sweep
    enables BPF stats and expects them on until it ends, and this bench switches them; while we
    hold it, a sweep is refused naming this bench instead of being measured with stats off."""
    import fcntl
    fd = os.open(HOST_LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.time() + wait_s
    while True:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError:
            if time.time() > deadline:
                sys.exit("bpf-stats-cost: a uringlab sweep held " + HOST_LOCK + " for " + str(wait_s) + " s")
            time.sleep(1)
    os.ftruncate(fd, 0)
    os.pwrite(fd, (f"pid={os.getpid()}\nexperiments=bench/bpf-stats-cost.py\nresults={work}\n"
                   f"started={time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n").encode(), 0)
    return fd


def disk_irqs(path):
    """IRQ numbers of the block device holding path (virtio-blk 'virtioN-req', nvme 'nvmeXqY')."""
    dev = os.stat(path).st_dev
    name = os.path.basename(os.path.realpath(f"/sys/dev/block/{os.major(dev)}:{os.minor(dev)}"))
    disk = os.path.basename(os.path.dirname(os.path.realpath(f"/sys/class/block/{name}"))) if os.path.exists(
        f"/sys/class/block/{name}/partition") else name
    pci = os.path.realpath(f"/sys/class/block/{disk}/device")
    irqs = []
    for base in (pci, os.path.dirname(pci)):
        msi = os.path.join(base, "msi_irqs")
        if os.path.isdir(msi):
            irqs = sorted(int(i) for i in os.listdir(msi))
            break
    # Only the queues' vectors: the config vector sees no I/O.
    with open("/proc/interrupts") as f:
        names = {int(l.split(":")[0]): l.split()[-1] for l in f if re.match(r"\s*\d+:", l)}
    return [i for i in irqs if "config" not in names.get(i, "config")]


def program(irqs):
    cond = " || ".join(f"$irq == {i}" for i in irqs) or "0"
    return f"""
tracepoint:syscalls:sys_enter_io_uring_enter {{ @io_uring_enter[cpu] = count(); }}
tracepoint:io_uring:io_uring_file_get {{ @fget[cpu] = count(); }}
tracepoint:irq:irq_handler_entry {{ $irq = args->irq; if ({cond}) {{ @irq_per_cpu[cpu] = count(); }} }}
tracepoint:irq_vectors:local_timer_entry {{ @local_timer[cpu] = count(); }}
tracepoint:ipi:ipi_send_cpu {{ @ipi_by_callsite[ksym(args->callsite)] = count(); }}
"""


def set_stats(v):
    with open(STATS, "w") as f:
        f.write(str(v))


def get_stats():
    with open(STATS) as f:
        return int(f.read().strip())


def fio(path, cpu, qd, seconds, out):
    subprocess.run(["taskset", "-c", str(cpu), "fio", "--name=b", f"--filename={path}", "--ioengine=io_uring",
                    "--rw=randread", "--bs=4k", "--direct=1", f"--iodepth={qd}", "--time_based",
                    f"--runtime={seconds}", "--output-format=json", f"--output={out}"], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out) as f:
        job = json.load(f)["jobs"][0]
    ios = job["read"]["total_ios"]
    cpu_ns = (job["usr_cpu"] + job["sys_cpu"]) / 100.0 * job["job_runtime"] * 1e6
    return job["read"]["iops"], cpu_ns / ios


LOOP_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(int argc, char **argv) {
    long n = atol(argv[1]);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) syscall(SYS_getppid);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%.2f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n);
    return 0;
}
"""


def per_event(work, cpu, pairs, calls):
    """ns per getppid() with no probe, and with a count() probe with stats off and on, interleaved."""
    src, exe = os.path.join(work, "loop.c"), os.path.join(work, "loop")
    with open(src, "w") as f:
        f.write(LOOP_C)
    subprocess.run(["cc", "-O2", "-o", exe, src], check=True)
    run = lambda: float(subprocess.run(["taskset", "-c", str(cpu), exe, str(calls)], capture_output=True, text=True,
                                       check=True).stdout)
    bare = [run() for _ in range(pairs)]
    log = open(os.path.join(work, "getppid.log"), "w+")
    bt = subprocess.Popen(["bpftrace", "-e", "tracepoint:syscalls:sys_enter_getppid { @calls = count(); }"],
                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for _ in range(100):
            log.seek(0)
            if "Attaching" in log.read():
                break
            time.sleep(0.1)
        time.sleep(1)
        side = {0: [], 1: []}
        ratios = []
        dropped = 0
        for i in range(pairs):
            pair = {}
            for state in ((0, 1) if i % 2 == 0 else (1, 0)):
                set_stats(state)
                pair[state] = run()
                if get_stats() != state:
                    pair = None
                    break
            if pair is None:
                dropped += 1
                continue
            side[0].append(pair[0])
            side[1].append(pair[1])
            ratios.append(pair[1] - pair[0])
    finally:
        os.killpg(bt.pid, signal.SIGINT)
        bt.wait(timeout=30)
    med = statistics.median
    lo, hi = bootstrap(ratios) if ratios else (float("nan"), float("nan"))
    print(f"# getppid() on CPU {cpu}, {calls} calls x {pairs} runs: no probe {med(bare):.1f} ns/call; probe attached,"
          f" stats off {med(side[0]):.1f}, stats on {med(side[1]):.1f}; stats on - off per event: {med(ratios):.1f} ns"
          f" [95% CI {lo:.1f}, {hi:.1f}] ({dropped} pairs dropped)", flush=True)


def bootstrap(ratios, seed=14, n=2000):
    rng = random.Random(seed)
    meds = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(n))
    return meds[int(0.025 * n)], meds[int(0.975 * n) - 1]


def prog_stats(pid):
    out = subprocess.run(["bpftool", "prog", "show", "-j"], capture_output=True, text=True).stdout
    ids = set()
    for fd in os.listdir(f"/proc/{pid}/fdinfo"):
        try:
            with open(f"/proc/{pid}/fdinfo/{fd}") as f:
                m = re.search(r"prog_id:\s*(\d+)", f.read())
            if m:
                ids.add(int(m.group(1)))
        except OSError:
            pass
    ns = cnt = 0
    for p in json.loads(out or "[]"):
        if p["id"] in ids:
            ns += p.get("run_time_ns", 0)
            cnt += p.get("run_cnt", 0)
    return ns, cnt


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--qd", default="1,16")
    ap.add_argument("--cpu", type=int, default=None, help="fio's CPU (default: the disk's first IRQ CPU)")
    ap.add_argument("--file", default="/var/tmp/uringlab/bpf-stats-bench.dat")
    ap.add_argument("--events", action="store_true", help="also the cost per event on a getppid() loop")
    ap.add_argument("--only-events", action="store_true", help="only the getppid() loop")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("bpf-stats-cost: needs root (sysctl kernel.bpf_stats_enabled, bpftrace)")
    os.makedirs(os.path.dirname(a.file), exist_ok=True)
    if not os.path.exists(a.file) or os.path.getsize(a.file) < 1 << 30:
        subprocess.run(["fio", "--name=fill", f"--filename={a.file}", "--rw=write", "--bs=1M", "--size=1g",
                        "--direct=1"], check=True, stdout=subprocess.DEVNULL)
    irqs = disk_irqs(a.file)
    if a.cpu is None:
        with open(f"/proc/irq/{irqs[0]}/effective_affinity_list") as f:
            a.cpu = int(re.split(r"[,-]", f.read().strip())[0])
    work = tempfile.mkdtemp(prefix="bpf-stats-bench.")
    lock = host_lock(work)  # released when this process exits
    original = get_stats()
    bt_log = open(os.path.join(work, "bpftrace.log"), "w+")
    bt = subprocess.Popen(["bpftrace", "-e", program(irqs)], stdout=bt_log, stderr=subprocess.STDOUT,
                          start_new_session=True)
    try:
        for _ in range(100):
            bt_log.seek(0)
            if "Attaching" in bt_log.read():
                break
            time.sleep(0.1)
        time.sleep(1)
        if a.events or a.only_events:
            os.killpg(bt.pid, signal.SIGSTOP)  # the loop's probe alone; the I/O probes see no events meanwhile anyway
            try:
                per_event(work, a.cpu, a.pairs, 5_000_000)
            finally:
                os.killpg(bt.pid, signal.SIGCONT)
            if a.only_events:
                return
        print(f"# fio io_uring 4k randread O_DIRECT on {a.file}, CPU {a.cpu} (disk IRQs {irqs}), {a.pairs} pairs x "
              f"{a.seconds} s, bpftrace {subprocess.run(['bpftrace', '--version'], capture_output=True, text=True).stdout.strip()}"
              f" attached (default probe set, tracepoint variants), kernel {os.uname().release}")
        print("qd | IOPS off | IOPS on | IOPS on/off [95% CI] | CPU ns/IO off | on | CPU/IO on/off [95% CI]"
              " | probe ns/event (stats on) | events/IO | pairs dropped")
        for qd in [int(q) for q in a.qd.split(",")]:
            fio(a.file, a.cpu, qd, 2, os.path.join(work, "warm.json"))
            rows = {0: [], 1: []}
            iops_r, cpu_r = [], []
            dropped = 0
            ns_ev = []
            ev_io = []
            for i in range(a.pairs):
                pair = {}
                ok = True
                for state in ((0, 1) if i % 2 == 0 else (1, 0)):
                    set_stats(state)
                    before = prog_stats(bt.pid) if state else None
                    pair[state] = fio(a.file, a.cpu, qd, a.seconds, os.path.join(work, f"{qd}-{i}-{state}.json"))
                    if state:
                        after = prog_stats(bt.pid)
                        dns, dcnt = after[0] - before[0], after[1] - before[1]
                        if dcnt > 0:
                            ns_ev.append(dns / dcnt)
                            ev_io.append(dcnt / (pair[state][0] * a.seconds))
                    ok = ok and get_stats() == state
                if not ok:
                    dropped += 1
                    continue
                for s in (0, 1):
                    rows[s].append(pair[s])
                iops_r.append(pair[1][0] / pair[0][0])
                cpu_r.append(pair[1][1] / pair[0][1])
            if not iops_r:
                print(f"{qd} | every pair disturbed ({dropped} dropped)")
                continue
            lo, hi = bootstrap(iops_r)
            clo, chi = bootstrap(cpu_r)
            med = statistics.median
            print(f"{qd} | {med(r[0] for r in rows[0]):.0f} | {med(r[0] for r in rows[1]):.0f} | "
                  f"{med(iops_r):.3f} [{lo:.3f}, {hi:.3f}] | {med(r[1] for r in rows[0]):.0f} | "
                  f"{med(r[1] for r in rows[1]):.0f} | {med(cpu_r):.3f} [{clo:.3f}, {chi:.3f}] | "
                  f"{med(ns_ev) if ns_ev else float('nan'):.1f} | {med(ev_io) if ev_io else float('nan'):.2f} | {dropped}",
                  flush=True)
    finally:
        set_stats(original)
        os.killpg(bt.pid, signal.SIGINT)
        bt.wait(timeout=30)
        print(f"# kernel.bpf_stats_enabled restored to {get_stats()}")


if __name__ == "__main__":
    main()
