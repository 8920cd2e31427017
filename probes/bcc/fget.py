#!/usr/bin/python3
# @id: fget
# @counts: file-descriptor lookups per CPU (system-wide for the kprobe, io_uring only for the tracepoint)
# @keys: cpu
# @output: per-cpu
# @usage: /usr/bin/python3 probes/bcc/fget.py [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @sample: {"type": "map", "data": {"@fget": {"0": 18, "1": 74522}}}
# The BCC twin of ../fget.bt: same map names and keys; each variant counts what its meaning says.

VARIANTS = {
    "kprobe": {
        "meaning": 'every fget() call system-wide (all syscalls and io_uring), by CPU',
        "attach": "kprobe:fget",
        "maps": {'fget': 'cpu'},
        "body": """u32 k = bpf_get_smp_processor_id(); m_fget.increment(k);""",
    },
    "tracepoint": {
        "meaning": "only io_uring's lookups of non-registered files (io_uring_file_get, which precedes its fget), by CPU; plain read()/write() lookups are not counted",
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
