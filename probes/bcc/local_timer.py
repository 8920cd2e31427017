#!/usr/bin/python3
# @id: local_timer
# @usage: /usr/bin/python3 probes/bcc/local_timer.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: the x86 irq_vectors tracepoint marks exactly the APIC timer vector; the handler symbol differs between kernel versions
# The BCC twin of ../local_timer.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
        "attach": "tracepoint:irq_vectors:local_timer_entry",
        "maps": {'local_timer': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_local_timer.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="local_timer"))
