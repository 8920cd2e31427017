#!/usr/bin/python3
# @id: native_smp_send_reschedule
# @usage: /usr/bin/python3 probes/bcc/native_smp_send_reschedule.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# The BCC twin of ../native_smp_send_reschedule.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:native_smp_send_reschedule",
        "maps": {'native_smp_send_reschedule': 's32'},
        "body": """s32 k = (s32)PT_REGS_PARM1(ctx); m_native_smp_send_reschedule.increment(k);""",
    },
    "tracepoint": {
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
