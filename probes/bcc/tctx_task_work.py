#!/usr/bin/python3
# @id: tctx_task_work
# @counts: runs of io_uring's per-task task_work (completions delivered via task_work without DEFER_TASKRUN), system-wide per CPU
# @keys: cpu
# @output: per-cpu
# @usage: /usr/bin/python3 probes/bcc/tctx_task_work.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@tctx_task_work": {"0": 5120}}}
# The BCC twin of ../tctx_task_work.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every tctx_task_work() callback run, by CPU',
        "attach": "kprobe:tctx_task_work",
        "maps": {'tctx_task_work': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_tctx_task_work.increment(k);""",
    },
    "tracepoint": {
        "meaning": 'every tctx_task_work_run() pass (io_uring_task_work_run), by CPU; this is the body of tctx_task_work but is also reached when a task flushes its io_uring task_work itself',
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
