#!/usr/bin/env bash
# Detection latency of automatic rollback: from the moment a fault is switched on in the sample
# service to the moment the rollback starts, with Prometheus scraping every 1 s and an analysis
# interval of 5 s. Each round deploys, then switches the fault on at a random moment 2-11 s into
# the analysis (as a bug would surface), and measures fault -> first rollback step.
# Usage: bench/detection-latency.sh [ROUNDS] [ERROR_RATE] [RATE_WINDOW]   (defaults 5, 0.5, 10s)
# Needs: prometheus (Debian package), curl. Everything stays on 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"
error_rate="${2:-0.5}"
window="${3:-10s}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

"$here/shipshape" --version >/dev/null   # build the jar first if needed
app=$(free_port); prom=$(free_port)
"$here/shipshape" sample-service --port "$app" > "$work/sample.log" 2>&1 & pids+=($!)
cat > "$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: sample
    static_configs: [{targets: ['127.0.0.1:$app']}]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom" --log.level=warn > "$work/prometheus.log" 2>&1 & pids+=($!)
until curl -sf "http://127.0.0.1:$app/health" >/dev/null && curl -sf "http://127.0.0.1:$prom/-/ready" >/dev/null; do sleep 0.2; done
# Users: a request every 20 ms.
( while true; do curl -s -o /dev/null "http://127.0.0.1:$app/"; sleep 0.02; done ) & pids+=($!)
sleep 5   # a few scrapes, so rate() has data

cat > "$work/shipshape.yaml" <<YAML
service: sample
environments:
  bench: {}
stages:
  - name: deploy
    steps:
      - run: now=\$(date +%s%3N); echo \$now > deployed_at
    rollback:
      - run: date +%s%3N > rollback_at; curl -s -X POST 'http://127.0.0.1:$app/admin/faults?error_rate=0' >/dev/null
  - name: verify
    steps:
      - analysis:
          provider: prometheus
          address: http://127.0.0.1:$prom
          interval: 5s
          duration: 1m
          metrics:
            - name: error-rate
              query: sum(rate(http_requests_total{status=~"5.."}[$window])) / sum(rate(http_requests_total[$window]))
              warning: "> 0.05"
              critical: "> 0.10"
YAML

drain=$(( ${window%s} + 3 ))
echo "rounds=$rounds error_rate=$error_rate rate_window=$window analysis_interval=5s scrape_interval=1s"
for round in $(seq "$rounds"); do
  rm -f "$work/deployed_at" "$work/rollback_at" "$work/fault_at"
  delay_ms=$(( 2000 + RANDOM % 9000 ))
  ( until [ -f "$work/deployed_at" ]; do sleep 0.01; done
    sleep "$(awk -v d="$delay_ms" 'BEGIN { printf "%.3f", d / 1000 }')"
    now_ms > "$work/fault_at"
    curl -s -X POST "http://127.0.0.1:$app/admin/faults?error_rate=$error_rate" >/dev/null ) &
  injector=$!; pids+=("$injector")
  code=0
  (cd "$work" && "$here/shipshape" deploy --env bench --version "r$round" --output json > "round$round.json") || code=$?
  kill "$injector" 2>/dev/null || true; wait "$injector" 2>/dev/null || true
  curl -s -X POST "http://127.0.0.1:$app/admin/faults?error_rate=0" >/dev/null
  if [ "$code" -ne 3 ] || [ ! -f "$work/rollback_at" ]; then
    echo "round $round: no automatic rollback (exit $code)"; sleep "$drain"; continue
  fi
  detect=$(( $(cat "$work/rollback_at") - $(cat "$work/fault_at") ))
  echo "round $round: fault at +${delay_ms} ms into the analysis, rollback started $detect ms after the fault (exit $code)"
  sleep "$drain"   # let the rate window drain before the next round
done
