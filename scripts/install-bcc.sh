#!/usr/bin/env bash
# Makes the BCC probe backend usable (see ../shared/LAB-MACHINE.md): python3-bpfcc for Debian's
# /usr/bin/python3, kernel headers, and the /lib/modules/$(uname -r)/{build,source} links BCC
# looks for. Idempotent: installs only missing packages and creates a link only where nothing
# exists (a real build tree or an existing link is never replaced). Run as root.
set -euo pipefail

# shellcheck source=apt-lib.sh
. "$(dirname "$0")/apt-lib.sh"

need=()
have_pkg python3-bpfcc || need+=(python3-bpfcc)
have_pkg linux-headers-amd64 || need+=(linux-headers-amd64)

install_missing install-bcc

# A guest kernel (e.g. Firecracker's) ships no headers of its own, so BCC is pointed at the
# newest Debian headers. Tracepoint programs only need the generic kernel types from them; the
# tracepoint field layouts BCC reads from tracefs at compile time.
kdir=/lib/modules/$(uname -r)
arch_hdr=$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$arch_hdr" ]; then
  echo "install-bcc: no /usr/src/linux-headers-*-amd64 after installing linux-headers-amd64" >&2
  exit 3
fi
common_hdr=${arch_hdr%-amd64}-common
link_if_absent() {  # $1 link, $2 target
  if [ -e "$1" ] || [ -L "$1" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-bcc: $1 missing; run as root to link it to $2" >&2
    exit 3
  fi
  mkdir -p "$(dirname "$1")"
  ln -s "$2" "$1"
  echo "install-bcc: linked $1 -> $2"
}
link_if_absent "$kdir/build" "$arch_hdr"
[ -d "$common_hdr" ] && link_if_absent "$kdir/source" "$common_hdr"

/usr/bin/python3 -c 'import bcc' 2>/dev/null \
  || { echo "install-bcc: /usr/bin/python3 cannot import bcc after installing python3-bpfcc" >&2; exit 3; }
echo "install-bcc: ok (python3-bpfcc $(dpkg-query -W -f='${Version}' python3-bpfcc), headers $(readlink -f "$kdir/build"))"
