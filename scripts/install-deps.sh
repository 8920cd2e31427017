#!/usr/bin/env bash
# Installs what uringlab needs on Debian/Ubuntu, only what is missing (idempotent), and mounts
# tracefs so bpftrace tracepoints can attach. Run as root; without root it only reports.
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have_cmd bpftrace || need+=(bpftrace)
have_cmd fio || need+=(fio)
have_cmd gcc || need+=(gcc)
have_cmd make || need+=(make)
have_cmd setsid || need+=(util-linux)
have_cmd taskset || need+=(util-linux)
have_pkg liburing-dev || need+=(liburing-dev)
have_cmd db_bench || need+=(rocksdb-tools)
if ! have_cmd javac || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then need+=(openjdk-17-jdk-headless); fi
have_cmd mvn || need+=(maven)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${need[*]}; run as root (or: sudo apt-get install ${need[*]})" >&2
    exit 3
  fi
  echo "install-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# bpftrace attaches tracepoints through tracefs; many minimal systems do not mount it.
if [ "$(id -u)" -eq 0 ] && [ ! -e /sys/kernel/tracing/events ]; then
  mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null \
    || mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null \
    || echo "install-deps: could not mount tracefs; tracepoint probes will be unavailable" >&2
fi
echo "install-deps: ok ($(bpftrace --version 2>/dev/null), $(fio --version 2>/dev/null), $(javac -version 2>&1))"
