#!/usr/bin/env bash
# Installs what the test suite needs beyond npm: Debian's Chromium (browser tests through playwright-core)
# and python3-feedparser (reads our RSS feed back with a real parser). Runs before `npm test`.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "test-deps: installing ${missing[*]} from Debian" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
