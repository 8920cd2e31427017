#!/usr/bin/python3
# @id: native_smp_send_reschedule
# @counts: reschedule IPIs sent, system-wide, by target CPU
# @keys: target cpu
# @output: per-cpu
# @usage: /usr/bin/python3 probes/bcc/native_smp_send_reschedule.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@native_smp_send_reschedule": {"0": 42, "1": 8}}}
# The BCC twin of ../native_smp_send_reschedule.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every native_smp_send_reschedule() call (x86 smp_ops reschedule IPI) by target CPU',
        "attach": "kprobe:native_smp_send_reschedule",
        "maps": {'native_smp_send_reschedule': 's32'},
        "body": """s32 k = (s32)PT_REGS_PARM1(ctx); m_native_smp_send_reschedule.increment(k);""",
    },
    "tracepoint": {
        "meaning": 'reschedule IPIs by target CPU as traced by the smp_send_reschedule() macro just before it calls the arch hook (ipi_send_cpu with NULL callback); same events as the kprobe unless a paravirt hook replaces the native one',
        "attach": "tracepoint:ipi:ipi_send_cpu",
        "maps": {'native_smp_send_reschedule': 'u32'},
        "body": """if (args->callback == 0) { u32 k = args->cpu; m_native_smp_send_reschedule.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="native_smp_send_reschedule"))
