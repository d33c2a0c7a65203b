#!/usr/bin/env bash
# The team server under load, on loopback only: 1,000 runs in the store, 500 Server-Sent Events clients
# connected to /api/v1/events, and wrk driving GET /api/v1/runs, against wrk on /health (the cheapest route) as
# the reference, alternating, median of ROUNDS. Meanwhile one more deploy runs; every SSE client must receive
# every one of its events. Prints requests per second, p50/p99 latency, the ratio to the reference, the server's
# memory, and the SSE check. Bounded: each wrk round lasts DURATION seconds; the server it starts is stopped by
# its process id at the end.
#
# Usage: bash bench/server-load.sh [RUNS] [SSE_CLIENTS] [ROUNDS] [DURATION]   (defaults 1000 500 3 10)
# Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/bench/pairs.sh"
runs="${1:-1000}" clients="${2:-500}" rounds="${3:-3}" duration="${4:-10}"
java_home="$(bench_java_home)"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }

work="$(mktemp -d)"
server_pid="" sse_pid=""
cleanup() {
  [ -n "$sse_pid" ] && kill "$sse_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/svc"
envs=""
for i in $(seq 0 9); do envs="$envs  e$i: {}"$'\n'; done
cat > "$work/svc/shipshape.yaml" <<YAML
service: bench-api
environments:
$envs
stages:
  - name: deploy
    steps:
      - run: 'true'
      - run: 'true'
YAML
cd "$work"
"$here/shipshape" user add bench --role admin >/dev/null
token="$("$here/shipshape" token create --user bench --name bench --expires 1d --output json \
  | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "could not create a token" >&2; exit 1; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$here/shipshape" serve --bind 127.0.0.1 --port "$port" --runbooks "$work" > "$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health" >/dev/null || { echo "the server did not start; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
auth=(-H "Authorization: Bearer $token")

# deploy ENV VERSION: starts a deploy and waits until the run is over; prints its id.
deploy() {
  local id status
  id="$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"environment\":\"$1\",\"version\":\"$2\"}" "$base/api/v1/services/bench-api/deploys" \
    | sed -n 's/.*"runId" *: *"\([^"]*\)".*/\1/p')"
  [ -n "$id" ] || { echo "deploy to $1 was not started" >&2; return 1; }
  for _ in $(seq 600); do
    status="$(curl -sf "${auth[@]}" "$base/api/v1/runs/$id" | grep -o '"status" *: *"[a-z_]*"' | head -1 | sed 's/.*"\([a-z_]*\)"$/\1/')"
    case "$status" in running|rolling_back|"") sleep 0.05 ;; *) break ;; esac
  done
  echo "$id"
}

echo "seeding $runs runs (10 environments in parallel)..."
seed_start=$(now_ns)
seeders=()
for e in $(seq 0 9); do
  ( for n in $(seq $((runs / 10))); do deploy "e$e" "v$n" >/dev/null; done ) &
  seeders+=($!)
done
wait "${seeders[@]}"
echo "seeded in $(( ($(now_ns) - seed_start) / 1000000 )) ms"

"$java_home/bin/java" "$here/bench/SseClients.java" "$base" "$token" "$clients" "$work/run-id" 600 > "$work/sse.log" 2>&1 &
sse_pid=$!
for _ in $(seq 600); do [ -f "$work/run-id.ready" ] && break; sleep 0.2; done
head -1 "$work/sse.log"

# wrk_once URL: requests/s, p50 ms, p99 ms of one wrk round.
wrk_once() {
  wrk -t2 -c50 -d"${duration}s" --latency "${auth[@]}" "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    END { printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}

declare -a rps_runs=() p50_runs=() p99_runs=() rps_ref=() p99_ref=()
for round in $(seq "$rounds"); do
  if [ "$round" = 1 ]; then
    ( sleep 2; deploy e0 measured > "$work/run-id.tmp" && mv "$work/run-id.tmp" "$work/run-id" ) &
  fi
  read -r r a b < <(wrk_once "$base/api/v1/runs")
  rps_runs+=("$r"); p50_runs+=("$a"); p99_runs+=("$b")
  read -r r2 a2 b2 < <(wrk_once "$base/health")
  rps_ref+=("$r2"); p99_ref+=("$b2")
  echo "  round $round: GET /api/v1/runs $r req/s, p50 $a ms, p99 $b ms; reference GET /health $r2 req/s, p99 $b2 ms"
done
rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")"
m_rps="$(median "${rps_runs[@]}")" m_p50="$(median "${p50_runs[@]}")" m_p99="$(median "${p99_runs[@]}")"
r_rps="$(median "${rps_ref[@]}")" r_p99="$(median "${p99_ref[@]}")"
awk -v a="$m_rps" -v b="$m_p50" -v c="$m_p99" -v d="$r_rps" -v e="$r_p99" -v m="$rss_kb" -v n="$runs" -v s="$clients" 'BEGIN {
  printf "GET /api/v1/runs (%d runs stored, %d SSE clients): median %.0f req/s, p50 %.2f ms, p99 %.2f ms\n", n, s, a, b, c
  printf "reference GET /health: median %.0f req/s, p99 %.2f ms; ratio of p99 %.2fx, of throughput %.2fx\n", d, e, c / e, d / a
  printf "server memory (RSS): %.0f MB; aim: p99 under 50 ms\n", m / 1024 }'
wait "$sse_pid" && sse_rc=0 || sse_rc=$?
sse_pid=""
tail -1 "$work/sse.log"
[ "$sse_rc" = 0 ] || { echo "SSE check failed (exit $sse_rc); its log:"; cat "$work/sse.log"; exit 1; }
