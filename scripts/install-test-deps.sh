#!/usr/bin/env bash
# Installs the system parts the tests use for real: the Secret Service (gnome-keyring on a private D-Bus),
# libsecret headers for building keytar, Debian's Chromium for the Playwright tests (with a CJK font, so
# the zh-CN screenshots are legible), and Xvfb for headed runs.
# wrk drives the HTTP benchmarks; redis-server (started by the tests themselves on a random loopback port,
# never the system service) and openssl (its TLS certificates) serve the Redis tests; zsh and fish check the
# generated shell completion scripts.
# Debian/Ubuntu only; elsewhere install the equivalents by hand.
set -euo pipefail
packages=(gnome-keyring dbus libsecret-1-dev chromium xvfb fonts-wqy-microhei iproute2 wrk redis-server redis-tools openssl zsh fish)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
