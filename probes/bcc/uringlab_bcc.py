#!/usr/bin/python3
# uringlab BCC runner: the catalog probes (probes/bcc/<id>.py) compiled into ONE BPF program
# (one compile, one attach), with output in the exact NDJSON shape of `bpftrace -f json`, so the
# orchestrator parses both backends with the same parser.
#
# Usage (root, Debian's /usr/bin/python3, which has the bcc module):
#   /usr/bin/python3 uringlab_bcc.py [--variant kprobe|tracepoint] [--irqs 36,37] ID[:VARIANT] ...
#   /usr/bin/python3 uringlab_bcc.py --emit-c ID ...   # print the generated C and exit (no bcc, no root)
# Prints {"type": "attached_probes", ...} and then the printf record "uringlab-probes-attached"
# once every probe is attached; SIGINT or SIGTERM prints every map and exits 0; SIGUSR1 prints the
# maps and keeps running (as bpftrace does), after a printf record "uringlab-dump-signal <sender pid>"
# naming who asked for it. Every dump ends with the map @zzzz_uringlab_dump_end (always 1), so a
# reader knows when it is complete. Errors end with one line "uringlab_bcc: ..." on stderr.
#
# Sample:
#   {"type": "attached_probes", "data": {"probes": 2}}
#   {"type": "printf", "data": "uringlab-probes-attached\n"}
#   {"type": "map", "data": {"@io_uring_enter": {"0": 18, "1": 83817}}}
#   {"type": "map", "data": {"@ipi_by_callsite": {"generic_exec_single": 150, "ttwu_queue_wakelist": 6955}}}
import argparse
import importlib
import json
import os
import re
import signal
import sys

sys.dont_write_bytecode = True  # never leave __pycache__ in the catalog or a run directory
READY_MARKER = "uringlab-probes-attached"
END_MAP = "@zzzz_uringlab_dump_end"  # the orchestrator's SharedProbeProcess waits for it
SIGNALLED = "uringlab-dump-signal "  # then the sender's pid: which SIGUSR1 the next dump answers
WAITED = {signal.SIGINT, signal.SIGTERM, signal.SIGUSR1}
HERE = os.path.dirname(os.path.abspath(__file__))
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Key kinds a probe map may use: the C key type and how bpftrace would print the key.
KEY_TYPES = {"cpu": "u32", "u32": "u32", "s32": "s32", "ksym": "u64", "hist": "u32"}


class UsageError(Exception):
    pass


def load_probe(probe_id):
    if not ID_RE.match(probe_id) or not os.path.isfile(os.path.join(HERE, probe_id + ".py")):
        raise UsageError("no BCC implementation of probe %r in %s" % (probe_id, HERE))
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    return importlib.import_module(probe_id)


def default_variant(module):
    # Mirrors the orchestrator's resolver: the exact kprobe variant where the kernel has kprobes,
    # unless the probe prefers its (more general) tracepoint.
    names = list(module.VARIANTS)
    order = ["kprobe", "tracepoint"]
    if getattr(module, "PREFER", None) == "tracepoint" or not kprobes_usable():
        order.reverse()
    return next(v for v in order if v in names)


def kprobes_usable():
    return any(os.path.exists(d + "/kprobe_events") for d in ("/sys/kernel/tracing", "/sys/kernel/debug/tracing"))


def select(specs, forced_variant):
    """[(id, variant name, variant dict)] from "id" or "id:variant" arguments."""
    chosen = []
    for spec in specs:
        probe_id, _, variant = spec.partition(":")
        module = load_probe(probe_id)
        variant = variant or forced_variant or default_variant(module)
        if variant not in module.VARIANTS:
            if forced_variant and not spec.count(":") and len(specs) > 1:
                variant = default_variant(module)  # --variant applies only where the probe has it
            else:
                raise UsageError("probe %s has no %s variant (variants: %s)"
                                 % (probe_id, variant, ", ".join(module.VARIANTS)))
        chosen.append((probe_id, variant, module.VARIANTS[variant]))
    return chosen


def irq_macro(irqs):
    if irqs is None:
        return None
    if irqs == "all":
        return "#define IRQ_MATCH(irq) ((irq) >= 0)"
    numbers = [int(n) for n in irqs.split(",") if n.strip()]
    if not numbers:
        raise UsageError("--irqs needs IRQ numbers, e.g. --irqs 36,37")
    return "#define IRQ_MATCH(irq) (" + " || ".join("(irq) == %d" % n for n in numbers) + ")"


def fn_name(attach):
    kind, _, target = attach.partition(":")
    return {"kprobe": "kp__", "kretprobe": "krp__", "tracepoint": "tp__"}[kind] + target.replace(":", "__")


def generate(chosen, irqs, workload_cgroup=None, task_probes=()):
    """The one C program: a map per probe map, one function per attach point running every body."""
    lines = ["#include <uapi/linux/ptrace.h>",
             "/* bpftrace hist() slot: 0 for 0, s for [2^(s-1), 2^s - 1] */",
             "static inline u32 uringlab_slot(u64 v) { return v == 0 ? 0 : bpf_log2l(v); }"]
    macro = irq_macro(irqs)
    bodies, maps = {}, {}
    for probe_id, variant, v in chosen:
        for include in v.get("includes", []):
            if "#include <%s>" % include not in lines:
                lines.insert(1, "#include <%s>" % include)
        if "IRQ_MATCH" in v["body"] and macro is None:
            raise UsageError("probe %s needs the device's IRQ numbers: --irqs 36,37 (or --irqs all)" % probe_id)
        for name, kind in v["maps"].items():
            if kind not in KEY_TYPES:
                raise UsageError("probe %s: map %s has unknown key kind %s" % (probe_id, name, kind))
            maps[name] = kind
        body = v["body"].strip()
        if workload_cgroup is not None and probe_id in task_probes:
            # probe_scope: workload -- only events in the workload's cgroup (v2 id = its directory's inode).
            body = "if (bpf_get_current_cgroup_id() == %dULL) {\n    %s\n    }" % (workload_cgroup, body)
        bodies.setdefault(v["attach"], []).append("  /* %s (%s) */\n  {\n    %s\n  }" % (probe_id, variant, body))
    if macro:
        lines.append(macro)
    for name, kind in maps.items():
        if kind == "cpu":
            # Indexed by CPU: an array slot instead of a hash lookup, the cheaper path per event
            # (compare bpf_<probe>_ns_per_event); unfired slots are left out when printed, as bpftrace does.
            lines.append("BPF_ARRAY(m_%s, u64, %d);" % (name, possible_cpus()))
        else:
            lines.append("BPF_HASH(m_%s, %s, u64, 10240);" % (name, KEY_TYPES[kind]))
    for attach, parts in bodies.items():
        kind, _, target = attach.partition(":")
        if kind == "tracepoint":
            group, event = target.split(":")
            arg = "struct tracepoint__%s__%s *args" % (group, event)
        else:
            arg = "struct pt_regs *ctx"
        lines.append("int %s(%s)\n{\n%s\n  return 0;\n}" % (fn_name(attach), arg, "\n".join(parts)))
    return "\n".join(lines) + "\n", list(bodies), maps


def possible_cpus():
    """How many CPU ids the kernel may use (/sys/devices/system/cpu/possible, e.g. "0-3" -> 4)."""
    try:
        with open("/sys/devices/system/cpu/possible") as f:
            text = f.read().strip()
        return max(int(part.split("-")[-1]) for part in text.split(",")) + 1
    except (OSError, ValueError):
        return os.cpu_count() or 1


def emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def hist_buckets(slots):
    # bpftrace's power-of-two buckets: slot 0 is the value 0, slot s >= 1 is [2^(s-1), 2^s - 1];
    # it prints every bucket between the lowest and highest non-empty one.
    used = [s for s, c in slots.items() if c]
    if not used:
        return []
    out = []
    for s in range(min(used), max(used) + 1):
        lo, hi = (0, 0) if s == 0 else (1 << (s - 1), (1 << s) - 1)
        out.append({"min": lo, "max": hi, "count": slots.get(s, 0)})
    return out


def format_key(kind, raw, ksym):
    if kind == "ksym":
        name = ksym(raw)
        return name if name else "0x%x" % raw
    return str(raw)


def print_maps(bpf, maps):
    from bcc import BPF
    # Read every map first, then format: the counts then belong to (nearly) one instant.
    snapshot = {name: [(k.value, v.value) for k, v in bpf["m_" + name].items() if v.value] for name in maps}

    def ksym(addr):
        name = BPF.ksym(addr, show_module=False, show_offset=False)
        return None if name in (b"[unknown]", b"") else name.decode(errors="replace")

    for name in sorted(maps):
        kind, items = maps[name], snapshot[name]
        if not items:
            sys.stdout.write("\n")  # bpftrace prints an empty map as a blank line
            continue
        if kind == "hist":
            emit({"type": "hist", "data": {"@" + name: hist_buckets(dict(items))}})
            continue
        merged = {}
        for raw, count in items:
            key = format_key(kind, raw, ksym)
            merged[key] = merged.get(key, 0) + count  # bpftrace also repeats a ksym key per address
        emit({"type": "map", "data": {"@" + name: dict(sorted(merged.items(), key=lambda kv: kv[1]))}})
    emit({"type": "map", "data": {END_MAP: 1}})
    sys.stdout.flush()


def attach_all(bpf, attaches):
    for attach in attaches:
        kind, _, target = attach.partition(":")
        fn = fn_name(attach)
        try:
            if kind == "tracepoint":
                bpf.attach_tracepoint(tp=target, fn_name=fn)
            elif kind == "kprobe":
                bpf.attach_kprobe(event=target, fn_name=fn)
            else:
                bpf.attach_kretprobe(event=target, fn_name=fn)
        except Exception as e:  # bcc raises bare Exception for every attach failure
            raise RuntimeError("cannot attach %s: %s" % (attach, one_line(e)))


def one_line(e):
    text = " ".join(str(e).split())
    return text[:300]


def parse_args(argv, single=None):
    p = argparse.ArgumentParser(prog="uringlab_bcc", description="uringlab catalog probes via BCC, bpftrace -f json output")
    p.add_argument("--variant", choices=["kprobe", "tracepoint"], help="variant for probes given without :VARIANT")
    p.add_argument("--irqs", help="IRQ numbers of the target device for irq_per_cpu (e.g. 36,37, or all)")
    p.add_argument("--emit-c", action="store_true", help="print the generated C program and exit")
    p.add_argument("--save-c", metavar="FILE", help="also write the generated C program to FILE")
    p.add_argument("--workload-cgroup", type=int, metavar="ID",
                   help="cgroup v2 id of the workload: --task-probes count only events of its tasks")
    p.add_argument("--task-probes", default="", metavar="ID,ID", help="probes limited to --workload-cgroup")
    if single is None:
        p.add_argument("probes", nargs="+", metavar="ID[:VARIANT]")
    args = p.parse_args(argv)
    if single is not None:
        args.probes = [single]
    return args


def main(argv, single=None):
    args = parse_args(argv, single)
    try:
        chosen = select(args.probes, args.variant)
        task_probes = [t for t in args.task_probes.split(",") if t]
        if task_probes and args.workload_cgroup is None:
            raise UsageError("--task-probes needs --workload-cgroup ID")
        text, attaches, maps = generate(chosen, args.irqs, args.workload_cgroup, task_probes)
    except UsageError as e:
        print("uringlab_bcc: " + str(e), file=sys.stderr)
        return 2
    if args.emit_c:
        sys.stdout.write(text)
        return 0
    if args.save_c:
        with open(args.save_c, "w") as f:
            f.write(text)

    # Blocked now and taken with sigtimedwait below: a dump starts the moment SIGUSR1 arrives (a
    # sleeping loop answered up to a tick late), and siginfo names the sender for the wake line.
    signal.pthread_sigmask(signal.SIG_BLOCK, WAITED)
    try:
        from bcc import BPF
    except ImportError:
        print("uringlab_bcc: python3-bpfcc not installed for %s: apt-get install python3-bpfcc" % sys.executable, file=sys.stderr)
        return 3
    try:
        bpf = BPF(text=text)
    except Exception as e:
        print("uringlab_bcc: cannot compile the BPF program: " + one_line(e), file=sys.stderr)
        return 1
    try:
        attach_all(bpf, attaches)
    except RuntimeError as e:
        print("uringlab_bcc: " + str(e), file=sys.stderr)
        return 1
    # Same two records bpftrace + the session's BEGIN print; the marker comes only after every attach.
    emit({"type": "attached_probes", "data": {"probes": len(attaches)}})
    emit({"type": "printf", "data": READY_MARKER + "\n"})
    while True:
        info = signal.sigtimedwait(WAITED, 1.0)
        if info is None:
            continue
        if info.si_signo != signal.SIGUSR1:
            break
        emit({"type": "printf", "data": SIGNALLED + str(info.si_pid) + "\n"})
        print_maps(bpf, maps)
    print_maps(bpf, maps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
