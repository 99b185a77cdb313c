#!/usr/bin/env bash
# Installs the programs the tests drive, when they are missing: Debian's Chromium and its driver (browser
# tests), ffmpeg (a real client, and a real H.264 RTSP camera: Debian's build, with libx264, makes a clip
# and publishes it to the tests' RTSP relay), mosquitto (a real MQTT broker; the tests start their own on a
# free port, never the system's service), nginx with the RTMP module (a real media server) and axe-core
# (from npm, into target/test-tools: the accessibility checker the browser tests run). `./mvnw verify` runs this before the tests, so
# the README's test command works on a fresh Debian machine. Add a package here when a test needs a new tool.
set -euo pipefail

install_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need ${missing[*]}; this is not a Debian-like system: install them, then run ./mvnw verify again." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "The tests need ${missing[*]}: run as root or install sudo, or install them yourself." >&2
      exit 1
    fi
    sudo="sudo"
  fi
  echo "Installing what the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# axe-core, pinned, into target/test-tools (the tests read target/test-tools/node_modules/axe-core/axe.min.js).
AXE_VERSION=4.11.0
install_axe() {
  local folder
  folder="$(cd "$(dirname "$0")/../../.." && pwd)/target/test-tools"
  if [ -f "$folder/node_modules/axe-core/axe.min.js" ] && grep -q "\"version\": \"$AXE_VERSION\"" "$folder/node_modules/axe-core/package.json"; then
    return 0
  fi
  echo "Fetching axe-core $AXE_VERSION for the accessibility tests"
  mkdir -p "$folder"
  npm install --prefix "$folder" --no-save --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION"
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
# curl: one of the client kinds of the streaming benchmark (-Pbench).
command -v curl >/dev/null 2>&1 || missing+=(curl)
# nginx with the RTMP module: the media server the publish tests send to (started by the tests on a free
# port, never as the system's service).
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || missing+=(libnginx-mod-rtmp)
# npm: fetches axe-core, the accessibility checker AccessibilityBrowserTests runs in Chromium (below).
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -ne 0 ]; then
  install_packages
fi
install_axe

