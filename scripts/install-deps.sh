#!/usr/bin/env bash
# Installs what uringlab needs on Debian/Ubuntu, only what is missing (idempotent), and mounts
# tracefs so bpftrace tracepoints can attach. Run as root; without root it only reports.
set -euo pipefail

need=()
# shellcheck source=apt-lib.sh
. "$(dirname "$0")/apt-lib.sh"

have_cmd bpftrace || need+=(bpftrace)
have_cmd bpftool || need+=(bpftool)   # attach point of each BPF program, for the per-probe cost
have_cmd fio || need+=(fio)
have_cmd gcc || need+=(gcc)
have_cmd make || need+=(make)
have_cmd setsid || need+=(util-linux)
have_cmd taskset || need+=(util-linux)
have_pkg liburing-dev || need+=(liburing-dev)
have_cmd db_bench || need+=(rocksdb-tools)
if ! have_cmd javac || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then need+=(openjdk-17-jdk-headless); fi
have_cmd mvn || need+=(maven)

install_missing install-deps

# bpftrace attaches tracepoints through tracefs; many minimal systems do not mount it.
if [ "$(id -u)" -eq 0 ] && [ ! -e /sys/kernel/tracing/events ]; then
  mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null \
    || mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null \
    || echo "install-deps: could not mount tracefs; tracepoint probes will be unavailable" >&2
fi
echo "install-deps: ok ($(bpftrace --version 2>/dev/null), $(fio --version 2>/dev/null), $(javac -version 2>&1))"
