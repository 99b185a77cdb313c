#!/usr/bin/env bash
# Installs the programs the tests drive, when they are missing: Debian's Chromium and its driver (browser
# tests), ffmpeg (a real client, and a real H.264 RTSP camera: Debian's build, with libx264, makes a clip
# and publishes it to the tests' RTSP relay) and mosquitto (a real MQTT broker; the tests start
# their own on a free port, never the system's service). `./mvnw verify` runs this before the tests, so
# the README's test command works on a fresh Debian machine. Add a package here when a test needs a new tool.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
# curl: one of the client kinds of the streaming benchmark (-Pbench).
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

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
