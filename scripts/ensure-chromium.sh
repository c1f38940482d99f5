#!/bin/sh
# The browser tests drive Debian's Chromium through playwright-core (no browser is downloaded).
# When it is missing and this runs as root on Debian, it is installed from the Debian packages.
set -eu
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (once, about a minute)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $path: install Debian's chromium package or set CHROMIUM_PATH." >&2
exit 1
