#!/bin/bash
# A researcher's terminal session: many fio runs under bpftrace -c, some wrapped in perf stat.
fio_cmd() { echo "/usr/bin/taskset -c $1 fio --name=randread-qd$2 --filename=/var/tmp/uringlab-import.dat --size=64m --rw=randread --bs=4k --direct=1 --ioengine=io_uring --iodepth=$2 --runtime=1 --time_based"; }
for qd in 1 4 16; do
  for cpu in 0 1; do
    if [ $qd = 16 ]; then
      cmd="/usr/bin/perf stat -a -e cs,cpu-migrations,task-clock -- $(fio_cmd $cpu $qd)"
    else
      cmd="$(fio_cmd $cpu $qd)"
    fi
    prog='tracepoint:ipi:ipi_send_cpu { @[ksym(args->callsite)] = count(); } tracepoint:io_uring:io_uring_submit_req { @submits = count(); } tracepoint:irq:irq_handler_entry { @irqs[cpu] = count(); }'
    echo "root@lab:~# bpftrace -e '$prog' -c \"$cmd\""
    bpftrace -e "$prog" -c "$cmd"
  done
done
echo "root@lab:~# exit"
