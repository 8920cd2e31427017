#!/usr/bin/python3
# @id: block_rq_size
# @usage: /usr/bin/python3 probes/bcc/block_rq_size.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: block:block_rq_issue is the stable interface; the issue functions differ by driver
# The BCC twin of ../block_rq_size.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
        "attach": "tracepoint:block:block_rq_issue",
        "maps": {'block_rq_size': 'hist'},
        "body": """u32 s = uringlab_slot(args->bytes); m_block_rq_size.increment(s);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="block_rq_size"))
