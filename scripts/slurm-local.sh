#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for `uringlab submit --slurm` and its integration tests.
#   scripts/slurm-local.sh start   install slurm-wlm + munge if missing, write the config, start
#                                  munged, slurmctld, slurmd; wait until the node is idle (idempotent)
#   scripts/slurm-local.sh stop    cancel the local cluster's jobs, stop the three daemons (by pid file)
#   scripts/slurm-local.sh status  one line: running or not
# The config carries a marker line; an /etc/slurm/slurm.conf written by anyone else is never touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
conf=/etc/slurm/slurm.conf
marker="# written by uringlab scripts/slurm-local.sh"
node="$(hostname -s)"
partition=uringlab
ctld_pid=/run/slurmctld.pid
slurmd_pid=/run/slurmd.pid
munge_pid=/run/munge/munged.pid

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

install() {
  need=()
  # shellcheck source=apt-lib.sh
  . "$here/apt-lib.sh"
  have_cmd slurmctld || need+=(slurmctld)
  have_cmd slurmd || need+=(slurmd)
  have_cmd sbatch || need+=(slurm-client)
  have_cmd munged || need+=(munge)
  # Debian's postinst scripts would start the daemons through systemd; we start them ourselves.
  if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  [ ${#need[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then echo "slurm-local: missing ${need[*]}; run as root" >&2; exit 3; fi
  echo "slurm-local: installing ${need[*]}"
  # Other installs (make deps) may hold apt's lock for a while: wait for it rather than fail.
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

write_config() {
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    echo "slurm-local: $conf exists and was not written by this script; leaving it (and this host's Slurm) alone" >&2
    exit 2
  fi
  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  local want
  want="$(cat <<EOF
$marker
ClusterName=uringlab-local
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
KillWait=15
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$ctld_pid
SlurmdPidFile=$slurmd_pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$node CPUs=$(nproc) Feature=uringlab-local State=UNKNOWN
PartitionName=$partition Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
)"
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
    printf '%s\n' "$want" > "$conf"
    # A changed config needs the daemons to read it again.
    stop_daemons
  fi
}

start_munge() {
  alive "$munge_pid" && return 0
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
}

start() {
  install
  if [ "$(id -u)" -ne 0 ]; then echo "slurm-local: needs root" >&2; exit 3; fi
  write_config
  start_munge
  alive "$ctld_pid" || slurmctld
  alive "$slurmd_pid" || slurmd
  local state=""
  for _ in $(seq 1 60); do
    state="$(timeout 5 sinfo -h -n "$node" -o %T 2>/dev/null | head -1 || true)"
    case "$state" in
      idle|mixed|allocated) echo "slurm-local: running (node $node $state, partition $partition)"; return 0 ;;
      down*|drain*) timeout 5 scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true ;;
    esac
    sleep 0.5
  done
  echo "slurm-local: node $node did not become idle within 30 s (state: ${state:-none}); see /var/log/slurm/" >&2
  exit 1
}

stop_daemons() {
  for pidfile in "$slurmd_pid" "$ctld_pid"; do
    if alive "$pidfile"; then
      local pid; pid="$(cat "$pidfile")"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
}

stop() {
  if alive "$ctld_pid" && [ -f "$conf" ] && grep -qF "$marker" "$conf"; then
    # Only this script's own cluster: every job in it is a test's or the user's local trial.
    timeout 10 scancel --partition "$partition" 2>/dev/null || true
    for _ in $(seq 1 40); do
      [ -z "$(timeout 5 squeue -h -p "$partition" -o %i 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  stop_daemons
  if alive "$munge_pid"; then kill "$(cat "$munge_pid")"; fi
  echo "slurm-local: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if alive "$ctld_pid" && alive "$slurmd_pid"; then echo "slurm-local: running"; else echo "slurm-local: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
