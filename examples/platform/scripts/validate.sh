#!/bin/sh
# Pre-deployment validation: TypeScript check, tests, build. The example folder has no app of its own, so
# without a package.json it only says so.
set -e
if [ ! -f package.json ]; then echo "no package.json here: nothing to type-check, test or build"; exit 0; fi
npx tsc --noEmit
npm test
npm run build
