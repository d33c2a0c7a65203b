#!/usr/bin/env bash
# Demo deploy: "ships" a version by writing it where the demo service reads it.
set -euo pipefail
environment="$1"
version="$2"
if [ -z "${API_TOKEN:-}" ]; then
  echo "API_TOKEN is not set" >&2
  exit 1
fi
# Printing the token is a mistake real scripts make; Shipshape masks it in every output it keeps.
echo "authenticating with token ${API_TOKEN}"
echo "deploying shop-api ${version} to ${environment}"
sleep 0.3
echo "${version}" > "$(dirname "$0")/../live-version"
echo "shop-api ${version} is live on ${environment}"
