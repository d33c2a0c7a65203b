#!/usr/bin/env bash
# Demo build: pretends to compile and package the given version.
set -euo pipefail
version="$1"
echo "building shop-api ${version}"
sleep 0.2
echo "built shop-api-${version}.tar.gz"
