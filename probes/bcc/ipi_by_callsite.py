#!/usr/bin/python3
# @id: ipi_by_callsite
# @usage: /usr/bin/python3 probes/bcc/ipi_by_callsite.py [--variant tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_kprobe: the callsite exists only in the ipi tracepoint; kprobes on the senders are the kick_process and native_smp_send_reschedule probes
# The BCC twin of ../ipi_by_callsite.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "tracepoint": {
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
