#!/usr/bin/python3
# @id: ring_flags
# @usage: /usr/bin/python3 probes/bcc/ring_flags.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: io_uring_create is a tracepoint with the final flags; a kprobe on io_uring_setup would see only the user's request
# The BCC twin of ../ring_flags.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
        "attach": "tracepoint:io_uring:io_uring_create",
        "maps": {'ring_flags': 'u32'},
        "body": """u32 k = args->flags; m_ring_flags.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="ring_flags"))
