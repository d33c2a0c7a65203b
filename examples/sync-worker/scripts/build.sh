#!/bin/sh
# npm ci && npm run build in the folder given ($1: backend or .). The example has no app of its own, so
# without a package.json there it only says so.
set -e
cd "${1:-.}" 2>/dev/null || { echo "no $1 folder here: nothing to build"; exit 0; }
if [ ! -f package.json ]; then echo "no package.json in $1: nothing to build"; exit 0; fi
npm ci && npm run build && ls -la dist/
