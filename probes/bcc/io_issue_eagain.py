#!/usr/bin/python3
# @id: io_issue_eagain
# @usage: /usr/bin/python3 probes/bcc/io_issue_eagain.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_tracepoint: no tracepoint reports io_issue_sqe's return value
# The BCC twin of ../io_issue_eagain.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kretprobe:io_issue_sqe",
        "maps": {'io_issue_eagain': 'cpu'},
        "body": """if ((s32)PT_REGS_RC(ctx) == -11) { u32 k = bpf_get_smp_processor_id(); m_io_issue_eagain.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="io_issue_eagain"))
