#!/bin/sh
# Runs a root package.json script (by name) with the pinned pnpm, after installing the locked dependencies.
# A fresh clone needs only Node.js (and Java for DynamoDB Local): corepack fails on this
# machine kind, so the pinned pnpm is installed through npm when it is missing.
#
# Every shell between npm and the program ends in `exec` (here, and in the `start` and `serve`
# scripts): a Ctrl+C reaches the whole foreground process group, and dash, having waited for
# its child, then ends itself by the signal even when the child stopped cleanly and exited 0.
# npm and pnpm report a script whose shell died by a signal as failed ("ELIFECYCLE Command
# failed", exit 130), and a TERM that npm forwards would kill that shell and leave the server
# running. With nothing in between, npm and pnpm pass the signal on and see the program's own
# exit status.
set -eu
cd "$(dirname "$0")/.."

wanted=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" = "$wanted" ]; then
  pnpm=pnpm
elif npm install --global --no-fund --no-audit --loglevel=error "pnpm@$wanted" >/dev/null 2>&1 \
  && [ "$(pnpm --version 2>/dev/null || true)" = "$wanted" ]; then
  pnpm=pnpm
else
  # No write access to the global prefix: the pinned pnpm from npm's cache, found through npx
  # but run directly, since npx would put a shell of its own between npm and pnpm.
  pnpm=$(npx --yes --package="pnpm@$wanted" -- sh -c 'command -v pnpm')
fi

"$pnpm" install --frozen-lockfile --prefer-offline --reporter=silent
exec "$pnpm" run "$@"
