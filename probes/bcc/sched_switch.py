#!/usr/bin/python3
# @id: sched_switch
# @usage: /usr/bin/python3 probes/bcc/sched_switch.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: the sched:sched_switch tracepoint is the scheduler's own stable hook; a kprobe on __schedule would count calls that switch nothing
# The BCC twin of ../sched_switch.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
        "attach": "tracepoint:sched:sched_switch",
        "maps": {'sched_switch': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_sched_switch.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="sched_switch"))
