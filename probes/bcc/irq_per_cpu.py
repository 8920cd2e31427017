#!/usr/bin/python3
# @id: irq_per_cpu
# @usage: /usr/bin/python3 probes/bcc/irq_per_cpu.py --irqs 36,37 [--variant kprobe|tracepoint]  (root; Ctrl-C prints the map as bpftrace -f json would)
# @prefer: tracepoint
# The BCC twin of ../irq_per_cpu.bt: same map names and keys; what each variant counts is said there, once.

PREFER = "tracepoint"
VARIANTS = {
    "kprobe": {
        "attach": "kprobe:nvme_irq",
        "maps": {'irq_per_cpu': 'cpu'},
        "body": """int irq = (int)PT_REGS_PARM1(ctx);
    if (IRQ_MATCH(irq)) { u32 k = bpf_get_smp_processor_id(); m_irq_per_cpu.increment(k); }""",
    },
    "tracepoint": {
        "attach": "tracepoint:irq:irq_handler_entry",
        "maps": {'irq_per_cpu': 'cpu'},
        "body": """int irq = args->irq;
    if (IRQ_MATCH(irq)) { u32 k = bpf_get_smp_processor_id(); m_irq_per_cpu.increment(k); }""",
    },
}

if __name__ == "__main__":
    import os
    import sys
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import uringlab_bcc

    sys.exit(uringlab_bcc.main(sys.argv[1:], single="irq_per_cpu"))
