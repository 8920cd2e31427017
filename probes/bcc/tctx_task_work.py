#!/usr/bin/python3
# @id: tctx_task_work
# @usage: /usr/bin/python3 probes/bcc/tctx_task_work.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# The BCC twin of ../tctx_task_work.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:tctx_task_work",
        "maps": {'tctx_task_work': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_tctx_task_work.increment(k);""",
    },
    "tracepoint": {
        "attach": "tracepoint:io_uring:io_uring_task_work_run",
        "maps": {'tctx_task_work': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_tctx_task_work.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="tctx_task_work"))
