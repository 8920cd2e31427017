#!/usr/bin/python3
# @id: create_io_worker
# @usage: /usr/bin/python3 probes/bcc/create_io_worker.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# The BCC twin of ../create_io_worker.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:create_io_worker",
        "maps": {'create_io_worker': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_create_io_worker.increment(k);""",
    },
    "tracepoint": {
        "attach": "tracepoint:task:task_newtask",
        "maps": {'create_io_worker': 'cpu'},
        "body": """if (args->clone_flags & 0x80000000ULL) { u32 k = bpf_get_smp_processor_id(); m_create_io_worker.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="create_io_worker"))
