#!/usr/bin/python3
# @id: io_uring_queue_async_work
# @counts: io_uring requests punted to io-wq, system-wide, by opcode (22 = READ, 23 = WRITE in 6.x numbering)
# @keys: opcode
# @output: count
# @usage: /usr/bin/python3 probes/bcc/io_uring_queue_async_work.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@io_uring_queue_async_work": {"22": 538}}}
# @no_kprobe: the punt path (io_queue_iowq) is static and may be inlined; the tracepoint is exact
# The BCC twin of ../io_uring_queue_async_work.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "tracepoint": {
        "meaning": 'every request queued to io-wq system-wide, keyed by opcode',
        "attach": "tracepoint:io_uring:io_uring_queue_async_work",
        "maps": {'io_uring_queue_async_work': 'u32'},
        "body": """u32 k = args->opcode; m_io_uring_queue_async_work.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="io_uring_queue_async_work"))
