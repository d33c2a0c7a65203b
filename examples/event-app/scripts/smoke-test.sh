#!/bin/sh
# The seed's ./scripts/smoke-test.sh: the critical endpoints answer (here against API_URL, the sample service locally).
set -e
curl -fsS "$API_URL/health" > /dev/null
curl -fsS "$API_URL/" > /dev/null
echo "critical endpoints answer at $API_URL"
