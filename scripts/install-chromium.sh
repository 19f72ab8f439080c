#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (needs root or sudo).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  echo "Chromium found at $path"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
echo "Installed $("/usr/bin/chromium" --version)"
