#!/usr/bin/python3
# @id: io_issue_sqe
# @usage: /usr/bin/python3 probes/bcc/io_issue_sqe.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_tracepoint: no tracepoint reports io_issue_sqe's return value; -EAGAIN retries show up only indirectly as io_uring_poll_arm or io_uring_queue_async_work
# The BCC twin of ../io_issue_sqe.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kretprobe:io_issue_sqe",
        "maps": {'io_issue_sqe': 's32'},
        "body": """s32 k = (s32)PT_REGS_RC(ctx); m_io_issue_sqe.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="io_issue_sqe"))
