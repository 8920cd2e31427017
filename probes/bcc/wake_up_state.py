#!/usr/bin/python3
# @id: wake_up_state
# @counts: wake_up_state() calls system-wide by return value (1 = task was woken, 0 = it was already running)
# @keys: retval
# @output: retval
# @usage: /usr/bin/python3 probes/bcc/wake_up_state.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@wake_up_state": {"0": 1200, "1": 85}}}
# @no_tracepoint: sched:sched_wakeup fires for every wake-up path and only on success, so it cannot stand in for wake_up_state's return value
# The BCC twin of ../wake_up_state.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every wake_up_state() return system-wide, keyed by its return value',
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
