#!/usr/bin/python3
# @id: io_issue_sqe
# @counts: io_issue_sqe() returns system-wide by return value (-11 = -EAGAIN: the non-blocking attempt failed and the request goes to poll or io-wq)
# @keys: retval
# @output: retval
# @usage: /usr/bin/python3 probes/bcc/io_issue_sqe.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@io_issue_sqe": {"0": 74000, "-11": 538}}}
# @no_tracepoint: no tracepoint reports io_issue_sqe's return value; -EAGAIN retries show up only indirectly as io_uring_poll_arm or io_uring_queue_async_work
# The BCC twin of ../io_issue_sqe.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every io_issue_sqe() return system-wide keyed by return value (0 ok, -11 EAGAIN, IOU_ISSUE_SKIP_COMPLETE etc.)',
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
