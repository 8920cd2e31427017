#!/usr/bin/python3
# @id: wake_up_state
# @usage: /usr/bin/python3 probes/bcc/wake_up_state.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_tracepoint: sched:sched_wakeup fires for every wake-up path and only on success, so it cannot stand in for wake_up_state's return value
# The BCC twin of ../wake_up_state.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kretprobe:wake_up_state",
        "maps": {'wake_up_state': 's32'},
        "body": """s32 k = (s32)PT_REGS_RC(ctx); m_wake_up_state.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="wake_up_state"))
