#!/bin/sh
# npm install && npm run build in apps/$1. The example has no app of its own, so without apps/$1/package.json
# it only says so.
set -e
if [ ! -f "apps/$1/package.json" ]; then echo "no apps/$1/package.json here: nothing to build"; exit 0; fi
cd "apps/$1" && npm install && npm run build
