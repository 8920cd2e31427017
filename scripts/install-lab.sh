#!/usr/bin/env bash
# Installs what `uringlab lab` needs on Debian/Ubuntu, only what is missing (idempotent): QEMU,
# a static busybox for the guest's /init, cpio to pack the initramfs, kmod to order its modules.
# The guest's kernel itself is fetched by uringlab from Debian's linux-image package on first use.
set -euo pipefail

need=()
# shellcheck source=apt-lib.sh
. "$(dirname "$0")/apt-lib.sh"

have_cmd qemu-system-x86_64 || need+=(qemu-system-x86)
have_pkg busybox-static || need+=(busybox-static)
have_cmd cpio || need+=(cpio)
have_cmd depmod || need+=(kmod)
have_cmd setpriv || need+=(util-linux)

install_missing install-lab
# uringlab resolves the guest kernel with apt-cache and fetches it with apt-get download: on a machine
# whose tools were all installed earlier, the package lists may be missing or stale, so refresh them then.
if [ "$(id -u)" -eq 0 ] && ! apt-cache depends linux-image-amd64 2>/dev/null | grep -q 'Depends: linux-image-'; then
  apt-get update -qq
fi
echo "install-lab: ok ($(qemu-system-x86_64 --version | head -1))"
