#!/usr/bin/python3
# @id: io_uring_queue_async_work
# @usage: /usr/bin/python3 probes/bcc/io_uring_queue_async_work.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: the punt path (io_queue_iowq) is static and may be inlined; the tracepoint is exact
# The BCC twin of ../io_uring_queue_async_work.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
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
