#!/usr/bin/python3
# @id: kick_process
# @usage: /usr/bin/python3 probes/bcc/kick_process.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# The BCC twin of ../kick_process.bt: same map names and keys; what each variant counts is said there, once.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:kick_process",
        "maps": {'kick_process': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_kick_process.increment(k);""",
    },
    "tracepoint": {
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
