#!/bin/sh
# Stage 2, the test suite: lint, type check, unit, integration and e2e tests. The example folder has no app
# of its own, so without a package.json it only says so.
set -e
if [ ! -f package.json ]; then echo "no package.json here: no test suite to run"; exit 0; fi
npm run lint && npm run type-check && npm run test:unit && npm run test:integration && npm run test:e2e
