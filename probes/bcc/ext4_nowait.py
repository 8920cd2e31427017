#!/usr/bin/python3
# @id: ext4_nowait
# @usage: /usr/bin/python3 probes/bcc/ext4_nowait.py [--variant kprobe]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @no_tracepoint: no tracepoint exposes the kiocb flags of a read
# The BCC twin of ../ext4_nowait.bt: same map names and keys; what each variant counts is said there, once.
# struct kiocb comes from the installed kernel headers: they must match the running kernel's layout.

VARIANTS = {
    "kprobe": {
        "attach": "kprobe:ext4_file_read_iter",
        "maps": {'ext4_nowait': 'u32'},
        "includes": ['linux/fs.h'],
        "body": """struct kiocb *iocb = (struct kiocb *)PT_REGS_PARM1(ctx); int flags = 0;
    bpf_probe_read_kernel(&flags, sizeof(flags), &iocb->ki_flags);
    u32 k = (flags & 0x8) != 0; m_ext4_nowait.increment(k);""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="ext4_nowait"))
