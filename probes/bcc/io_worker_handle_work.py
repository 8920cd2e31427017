#!/usr/bin/python3
# @id: io_worker_handle_work
# @usage: /usr/bin/python3 probes/bcc/io_worker_handle_work.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_tracepoint: no tracepoint marks an io-wq worker taking work; workqueue:* is the kernel workqueue, not io-wq
# The BCC twin of ../io_worker_handle_work.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:io_worker_handle_work",
        "maps": {'io_worker_handle_work': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_io_worker_handle_work.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="io_worker_handle_work"))
