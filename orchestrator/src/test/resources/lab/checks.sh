#!/bin/sh
# LabIT's one guest boot: every check runs here in turn and leaves its output under $1/<check>/,
# with rc and seconds, for the test methods to read ($2: the repository, for the experiment files). A failing check does not stop the others.
out=$1; root=$2; here=$root/orchestrator/src/test/resources/lab
dev=/dev/nvme0n1
layout() {  # the NVMe queue layout and IRQ list, as sysfs and /proc/interrupts give them
  for q in /sys/block/nvme0n1/mq/*; do echo "mq $(basename $q) $(cat $q/cpu_list)"; done
  echo "io_poll $(cat /sys/block/nvme0n1/queue/io_poll)"
  for p in poll_queues write_queues; do echo "$p $(cat /sys/module/nvme/parameters/$p)"; done
  grep nvme /proc/interrupts | awk '{print "irq", $1, $NF}'
  for i in $(grep nvme /proc/interrupts | cut -d: -f1); do echo "affinity $i $(cat /proc/irq/$i/smp_affinity_list)"; done
}
step() {  # step NAME CMD...: runs CMD with stdout+stderr in $out/NAME/log, records rc and seconds
  name=$1; shift; mkdir -p "$out/$name"
  t0=$(cut -d' ' -f1 /proc/uptime)
  "$@" > "$out/$name/log" 2>&1; rc=$?
  t1=$(cut -d' ' -f1 /proc/uptime)
  echo $rc > "$out/$name/rc"; echo "$t0 $t1" | awk '{print $2-$1}' > "$out/$name/seconds"
  echo "checks: $name rc=$rc $(cat "$out/$name/seconds") s"
}
sysfs_facts() {
  for n in /sys/devices/system/node/node[0-9]*; do echo "node $(basename $n) $(cat $n/cpulist)"; done
  echo "device_node $(cat /sys/block/nvme0n1/device/device/numa_node)"
  for i in $(grep 'nvme0q[1-9]' /proc/interrupts | cut -d: -f1); do echo "io_irq $i $(cat /proc/irq/$i/effective_affinity_list)"; done
}
kill9_then_restore() {
  uringlab run "$here/nvme-queues-long.yaml" --results "$out/kill9/results" > "$out/kill9/sweep.log" 2>&1 &
  pid=$!
  i=0  # until the reload happened and a workload runs
  while [ $i -lt 600 ] && ! { [ "$(cat /sys/module/nvme/parameters/poll_queues)" = 1 ] && pgrep -x fio >/dev/null; }; do
    sleep 0.2; i=$((i+1)); done
  layout > "$out/kill9/during"
  kill -9 $pid; wait $pid 2>/dev/null
  # fio was started in its own session and keeps the disk open until its runtime ends.
  while pgrep -x fio > /dev/null; do sleep 0.2; done
  uringlab restore --results "$out/kill9/results"
}
cd "$root" || exit 125
layout > "$out/layout.before"
sysfs_facts > "$out/sysfs.facts"
step probes uringlab probes
step fio uringlab run "$here/fio-probes.yaml" --results "$out/fio/results"
step coop uringlab run "$root/experiments/lab/coop-taskrun.yaml" --results "$out/coop/results" \
  --set workload.runtime=2 --set workload.iodepth=8
step nvme_queues uringlab run "$here/nvme-queues.yaml" --results "$out/nvme_queues/results"
layout > "$out/layout.after-nvme-queues"
step kill9 kill9_then_restore
layout > "$out/layout.after-kill9"
step irq_managed uringlab run "$here/irq-managed.yaml" --results "$out/irq_managed/results"
layout > "$out/layout.after-irq-managed"
admin_irq=$(grep 'nvme0q0' /proc/interrupts | cut -d: -f1 | tr -d ' ')
( while :; do cat /proc/irq/$admin_irq/smp_affinity_list; sleep 0.2; done ) > "$out/irq_admin.seen" 2>&1 &
watcher=$!
step irq_admin uringlab run "$here/irq-admin.yaml" --results "$out/irq_admin/results"
kill $watcher
layout > "$out/layout.after-irq-admin"
step cpu_sets uringlab plan "$here/cpu-sets.yaml" --json
# Last: BCC compiles its program with clang, which is slow on an emulated CPU.
step bcc uringlab run "$here/bcc-probes.yaml" --results "$out/bcc/results"
echo "checks: done"
