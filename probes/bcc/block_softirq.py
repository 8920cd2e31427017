#!/usr/bin/python3
# @id: block_softirq
# @usage: /usr/bin/python3 probes/bcc/block_softirq.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: the raising functions (blk_mq_raise_softirq, __blk_mq_complete_request_remote) are static and may be inlined; the irq:softirq_raise tracepoint marks every raise
# The BCC twin of ../block_softirq.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
        "attach": "tracepoint:irq:softirq_raise",
        "maps": {'block_softirq': 'cpu'},
        "body": """if (args->vec == 4) { u32 k = bpf_get_smp_processor_id(); m_block_softirq.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="block_softirq"))
