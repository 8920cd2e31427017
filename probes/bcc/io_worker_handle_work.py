#!/usr/bin/python3
# @id: io_worker_handle_work
# @counts: io-wq worker passes over the work list, system-wide per CPU
# @keys: cpu
# @output: per-cpu
# @usage: /usr/bin/python3 probes/bcc/io_worker_handle_work.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@io_worker_handle_work": {"0": 310, "1": 12}}}
# @no_tracepoint: no tracepoint marks an io-wq worker taking work; workqueue:* is the kernel workqueue, not io-wq
# The BCC twin of ../io_worker_handle_work.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every io_worker_handle_work() call, by CPU the worker ran on',
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
