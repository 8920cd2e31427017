#!/usr/bin/python3
# @id: ipi_by_callsite
# @counts: single-CPU IPIs sent system-wide, by kernel function that sent them (ttwu_queue_wakelist = remote wake-up, task_work_add = kick_process)
# @keys: callsite
# @output: count
# @usage: /usr/bin/python3 probes/bcc/ipi_by_callsite.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@ipi_by_callsite": {"ttwu_queue_wakelist": 6955, "generic_exec_single": 150}}}
# @no_kprobe: the callsite exists only in the ipi tracepoint; kprobes on the senders are the kick_process and native_smp_send_reschedule probes
# The BCC twin of ../ipi_by_callsite.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "tracepoint": {
        "meaning": 'every ipi_send_cpu event system-wide keyed by ksym(callsite); multi-CPU IPIs (ipi_send_cpumask) are not included',
        "attach": "tracepoint:ipi:ipi_send_cpu",
        "maps": {'ipi_by_callsite': 'ksym'},
        "body": """u64 k = (u64)args->callsite; m_ipi_by_callsite.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="ipi_by_callsite"))
