# Shared by the install scripts: package checks and one idempotent apt install of what is missing.
# Source it, fill the array `need`, then call: install_missing <script-name>

have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

install_missing() {
  local who=$1
  [ ${#need[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "$who: missing ${need[*]}; run as root (or: sudo apt-get install ${need[*]})" >&2
    exit 3
  fi
  echo "$who: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}
