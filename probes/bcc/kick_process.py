#!/usr/bin/python3
# @id: kick_process
# @counts: kick_process() calls, system-wide: the reschedule IPI that makes a task running on another CPU notice new task_work
# @keys: cpu of the caller (kprobe) | callsite of the reschedule IPI (tracepoint)
# @output: per-cpu
# @usage: /usr/bin/python3 probes/bcc/kick_process.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@kick_process_callsite": {"task_work_add": 212, "wakeup_preempt": 31}}}
# The BCC twin of ../kick_process.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every kick_process() call system-wide by calling CPU, including calls that found the task not running and sent no IPI',
        "attach": "kprobe:kick_process",
        "maps": {'kick_process': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_kick_process.increment(k);""",
    },
    "tracepoint": {
        "meaning": 'reschedule IPIs actually sent (ipi_send_cpu with NULL callback) keyed by callsite; kick_process calls that sent an IPI appear under their caller, task_work_add (io_uring TWA_SIGNAL) or signal_wake_up_state; other keys are scheduler reschedules',
        "attach": "tracepoint:ipi:ipi_send_cpu",
        "maps": {'kick_process_callsite': 'ksym'},
        "body": """if (args->callback == 0) { u64 k = (u64)args->callsite; m_kick_process_callsite.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="kick_process"))
