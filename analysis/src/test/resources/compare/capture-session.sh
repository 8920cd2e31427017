#!/bin/bash
# A researcher's terminal session, recorded with `script -q -c 'bash capture-session.sh' LOG`:
# eight fio runs (QD 1-64 on CPU 1, which takes the disk's interrupts here, and CPU 0), each under
# bpftrace -c, the deeper ones also under `perf stat -a`; then two buffered 64 KiB psync reads of a
# small file kept in the page cache, whose few-microsecond latencies fio prints padded ("avg= 8.39"). Imported with compare-params.yaml and
# compared with experiments in compare-sweep.yaml (the same workload run by uringlab).
fio_cmd() { echo "/usr/bin/taskset -c $1 fio --name=randread-qd$2 --filename=/var/tmp/uringlab-import.dat --size=256m --rw=randread --bs=4k --direct=1 --ioengine=io_uring --iodepth=$2 --runtime=2 --time_based"; }
for qd in 1 4 16 64; do
  for cpu in 1 0; do
    if [ $qd -ge 16 ]; then
      cmd="/usr/bin/perf stat -a -e cs,cpu-migrations,task-clock -- $(fio_cmd $cpu $qd)"
    else
      cmd="$(fio_cmd $cpu $qd)"
    fi
    prog='tracepoint:ipi:ipi_send_cpu { @[ksym(args->callsite)] = count(); } tracepoint:io_uring:io_uring_submit_req { @submits = count(); } tracepoint:irq:irq_handler_entry { @irqs[cpu] = count(); }'
    echo "root@lab:~# bpftrace -e '$prog' -c \"$cmd\""
    bpftrace -e "$prog" -c "$cmd"
  done
done
for cpu in 1 0; do
  cmd="/usr/bin/taskset -c $cpu fio --name=cached-psync --filename=/var/tmp/uringlab-import.dat --size=16m --rw=randread --bs=64k --direct=0 --invalidate=0 --ioengine=psync --runtime=2 --time_based"
  echo "root@lab:~# bpftrace -e '$prog' -c \"$cmd\""
  bpftrace -e "$prog" -c "$cmd"
done
echo "root@lab:~# exit"
