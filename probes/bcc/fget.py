#!/usr/bin/python3
# @id: fget
# @usage: /usr/bin/python3 probes/bcc/fget.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# The BCC twin of ../fget.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:fget",
        "maps": {'fget': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_fget.increment(k);""",
    },
    "tracepoint": {
        "attach": "tracepoint:io_uring:io_uring_file_get",
        "maps": {'fget': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_fget.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="fget"))
