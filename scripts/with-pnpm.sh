#!/bin/sh
# Runs a root package.json script (by name) with the pinned pnpm, after installing the locked dependencies.
# A fresh clone needs only Node.js (and Java for DynamoDB Local): corepack fails on this
# machine kind, so the pinned pnpm is installed through npm when it is missing.
set -eu
cd "$(dirname "$0")/.."

wanted=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" = "$wanted" ]; then
  pnpm=pnpm
elif npm install --global --no-fund --no-audit --loglevel=error "pnpm@$wanted" >/dev/null 2>&1 \
  && [ "$(pnpm --version 2>/dev/null || true)" = "$wanted" ]; then
  pnpm=pnpm
else
  # No write access to the global prefix: run the pinned pnpm from npm's cache instead.
  pnpm="npx --yes pnpm@$wanted"
fi

$pnpm install --frozen-lockfile --prefer-offline --reporter=silent
exec $pnpm run "$@"
