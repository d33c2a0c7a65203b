#!/usr/bin/env bash
# Fault rerun: black-box checks of crash safety, leftover step processes, concurrent starts,
# secret masking and stalled HTTP servers, through the real CLI on the embedded store.
# Everything runs in a fresh temporary folder on 127.0.0.1 and stops by itself.
# Usage: bench/faults.sh [KILLS] [CONCURRENT]   (defaults 20 and 15; needs python3 for the stalling servers)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
kills="${1:-20}"
concurrent="${2:-15}"
work="$(mktemp -d)"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null; done
  pkill -KILL -f "$work" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ship() { "$here/shipshape" "$@"; }
now_ms() { date +%s%3N; }
"$here/shipshape" --version >/dev/null   # build the jar first if needed

# --- 1. SIGKILL at a random moment, then resume ------------------------------------------------
# Each step is idempotent and ticks every 100 ms with its bash pid, so two copies of one step that
# run at the same time show up as interleaved ticks.
kill_and_resume() {
  local dir="$work/kill"; mkdir -p "$dir"
  {
    echo "service: faults"
    echo "environments: {local: {}}"
    echo "stages:"
    echo "  - name: work"
    echo "    steps:"
    for s in 1 2 3 4; do
      echo "      - name: s$s"
      echo "        idempotent: true"
      echo "        run: 'echo \"begin s$s \$\$ \$(date +%s%N)\" >> $dir/log; for i in 1 2 3 4 5 6 7 8; do echo \"tick s$s \$\$ \$(date +%s%N)\" >> $dir/log; sleep 0.1; done; echo \"end s$s \$\$ \$(date +%s%N)\" >> $dir/log'"
    done
  } > "$dir/shipshape.yaml"
  local resumed=0 clean=0 overlaps=0 repeated=0 leftovers=0 failed=0 early=0 previous=""
  for round in $(seq "$kills"); do
    : > "$dir/log"
    (cd "$dir" && exec "$here/shipshape" deploy --env local --version "k$round" >/dev/null 2>&1) &
    local pid=$!
    until [ -s "$dir/log" ] || ! kill -0 "$pid" 2>/dev/null; do sleep 0.05; done   # the first step began
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", (r % 320) / 100 }')"
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    local run
    run="$(cd "$dir" && ship runs --output json 2>/dev/null | grep -m1 -o '"id" : "[^"]*"' | sed 's/.*: "//; s/"//')"
    if [ -z "$run" ] || [ "$run" = "$previous" ]; then
      early=$((early + 1)); continue   # killed before the run was recorded: nothing to resume
    fi
    previous="$run"
    local done_before
    done_before="$(cd "$dir" && ship show "$run" --output json | python3 -c 'import json, sys
print(" ".join(s["name"] for s in json.load(sys.stdin)["steps"] if s["state"] == "succeeded"))')"
    if (cd "$dir" && ship resume "$run" >"$dir/resume.out" 2>&1); then resumed=$((resumed + 1)); else
      failed=$((failed + 1)); echo "  resume $run failed: $(tail -n 1 "$dir/resume.out")"; fi
    if pgrep -f "$dir/log" >/dev/null; then leftovers=$((leftovers + 1)); fi
    # overlap: a step has ticks from two pids where the earlier copy ticks after the later one began
    local o r
    o="$(awk '$1=="begin"{b[$2" "$3]=$4} $1=="tick"{last[$2" "$3]=$4}
      END{n=0; for (k in b) for (j in b) { split(k,a," "); split(j,c," ");
        if (a[1]==c[1] && a[2]!=c[2] && b[k] < b[j] && last[k] > b[j]) n++ } print n}' "$dir/log")"
    r=0
    for s in $done_before; do [ "$(grep -c "^begin $s " "$dir/log")" -gt 1 ] && r=$((r + 1)); done
    [ "$o" -gt 0 ] && overlaps=$((overlaps + 1))
    [ "$r" -gt 0 ] && repeated=$((repeated + 1))
    [ "$o" -eq 0 ] && [ "$r" -eq 0 ] && clean=$((clean + 1))
  done
  echo "kill -9 + resume: $kills runs killed at a random moment 0-3.2 s after the first step began; killed before the run was recorded: $early; resumed to success: $resumed; resume failed: $failed;" \
       "rounds with overlapping copies of a step: $overlaps; with a step run again that was recorded as finished before the kill: $repeated;" \
       "with step processes left after resume: $leftovers"
}

# --- 2. concurrent starts on one embedded store -------------------------------------------------
concurrent_starts() {
  local dir="$work/concurrent"; mkdir -p "$dir"
  printf 'service: faults\nenvironments: {local: {}}\nstages:\n  - name: work\n    steps:\n      - run: "echo +1 >> %s/active; sleep 3; echo -1 >> %s/active"\n' "$dir" "$dir" > "$dir/shipshape.yaml"
  local pids=() i
  for i in $(seq "$concurrent"); do
    (cd "$dir" && "$here/shipshape" deploy --env local --version "c$i" >"$dir/out.$i" 2>&1; echo $? > "$dir/rc.$i") &
    pids+=($!)
  done
  wait "${pids[@]}"
  local ok=0 locked=0 other=0 traces
  for i in $(seq "$concurrent"); do
    rc="$(cat "$dir/rc.$i")"
    if [ "$rc" = 0 ]; then ok=$((ok + 1)); elif grep -q "locked by" "$dir/out.$i"; then locked=$((locked + 1)); else other=$((other + 1)); echo "  other answer (exit $rc): $(tail -n 1 "$dir/out.$i")"; fi
  done
  local most; most="$(awk '{n += $1; if (n > m) m = n} END {print m + 0}' "$dir/active")"
  traces="$(grep -l -E '^\s+at [a-z]|Exception' "$dir"/out.* 2>/dev/null | wc -l)"
  echo "concurrent starts: $concurrent deploys at once: succeeded $ok, answered 'locked by run ...' $locked, other $other;" \
       "most runs in the environment at once: $most;" \
       "outputs with a stack trace or exception name: $traces; files left in .shipshape: $(ls "$dir/.shipshape" | grep -v -E '^store\.(mv\.db|opening)$' | tr '\n' ' ')"
}

# --- 3. secret canaries -----------------------------------------------------------------------
secret_canaries() {
  local dir="$work/secrets"; mkdir -p "$dir"
  cat > "$dir/shipshape.yaml" <<'YAML'
service: faults
environments: {local: {}}
stages:
  - name: work
    steps:
      - run: 'printf "%s\n" "$TOKEN"; sleep 1'
        env: {TOKEN: "${secret:MULTI}"}
      - run: 'printf "%s" "${TOKEN:0:9}"; sleep 0.3; printf "%s\n" "${TOKEN:9}"'
        env: {TOKEN: "${secret:SPLIT}"}
      - run: 'echo "token ${secret:INLINE}"; sleep 2'
YAML
  export SHIPSHAPE_SECRET_MULTI=$'canaryMULTIone\ncanaryMULTItwo'
  export SHIPSHAPE_SECRET_SPLIT='canarySPLITxyzsecret'
  export SHIPSHAPE_SECRET_INLINE='canaryINLINEvalue'
  (cd "$dir" && exec "$here/shipshape" deploy --env local --version s1 >"$dir/out" 2>&1) &
  local pid=$! cmdline=0
  while kill -0 "$pid" 2>/dev/null; do
    if grep -a -l 'canar[y]' /proc/[0-9]*/cmdline 2>/dev/null | grep -q .; then cmdline=$((cmdline + 1)); fi
    sleep 0.1
  done
  wait "$pid"
  local run
  run="$(cd "$dir" && ship runs --output json | grep -m1 -o '"id" : "[^"]*"' | sed 's/.*: "//; s/"//')"
  (cd "$dir" && ship logs "$run" > "$dir/logs" 2>&1)
  unset SHIPSHAPE_SECRET_MULTI SHIPSHAPE_SECRET_SPLIT SHIPSHAPE_SECRET_INLINE
  echo "secret canaries (multi-line, split across output chunks, inline in run:):" \
       "hits in output $(grep -c canary "$dir/out"), in logs $(grep -c canary "$dir/logs")," \
       "in store files $(cat "$dir"/.shipshape/* | grep -a -c canary), process-list samples showing one $cmdline"
}

# --- 4. stalled HTTP servers ------------------------------------------------------------------
# trickle: 200 with Content-Length 1000000, then a byte a second; silent: accepts, never answers.
start_server() {
  python3 - "$1" > "$work/port.$1" <<'PY' &
import socket, sys, threading, time
mode = sys.argv[1]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(50)
print(s.getsockname()[1], flush=True)
def serve(c):
    try:
        c.recv(65536)
        if mode == "trickle":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
            for _ in range(600):
                c.sendall(b" "); time.sleep(1)
        else:
            time.sleep(600)
    except OSError:
        pass
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
  servers+=($!)
  until [ -s "$work/port.$1" ]; do sleep 0.1; done
}

timed_deploy() {   # DIR STEPS... -> prints wall seconds and exit code
  local dir="$1" step="$2"
  mkdir -p "$dir"
  printf 'service: faults\nenvironments: {local: {}}\nstages:\n  - name: verify\n    on_failure: stop\n    steps:\n%s\n' "$step" > "$dir/shipshape.yaml"
  local start rc
  start=$(now_ms)
  (cd "$dir" && ship deploy --env local --version h1 >"$dir/out" 2>&1); rc=$?
  awk -v ms=$(( $(now_ms) - start )) -v rc="$rc" 'BEGIN { printf "%.1f s (exit %s)", ms / 1000, rc }'
}

stalled_servers() {
  local trickle silent
  start_server trickle; start_server silent
  trickle="$(cat "$work/port.trickle")"; silent="$(cat "$work/port.silent")"
  echo "stalled servers (wall time of the whole command, JVM start included):"
  echo "  health within 5s, timeout 8s, server trickles its body: $(timed_deploy "$work/h1" "      - {health: \"http://127.0.0.1:$trickle/health\", within: 5s, interval: 1s, timeout: 8s}")"
  echo "  health within 5s, server never answers:                 $(timed_deploy "$work/h2" "      - {health: \"http://127.0.0.1:$silent/health\", within: 5s}")"
  echo "  smoke request without timeout, server never answers:   $(timed_deploy "$work/h3" "      - smoke: [{name: home, requests: [{http: \"http://127.0.0.1:$silent/\"}]}]")"
  local dir="$work/h4"; mkdir -p "$dir"
  printf 'service: faults\nenvironments: {local: {}}\nstages:\n  - name: verify\n    steps:\n      - {health: "http://127.0.0.1:%s/health", within: 5m, interval: 1s, timeout: 5m}\n' "$trickle" > "$dir/shipshape.yaml"
  (cd "$dir" && exec "$here/shipshape" deploy --env local --version c1 >"$dir/out" 2>&1) &
  local pid=$! run=""
  while [ -z "$run" ]; do sleep 0.5; run="$(cd "$dir" && ship runs --output json 2>/dev/null | grep -m1 -o '"id" : "[^"]*"' | sed 's/.*: "//; s/"//')"; done
  sleep 2
  local start; start=$(now_ms)
  (cd "$dir" && ship cancel "$run" --reason bench >/dev/null 2>&1)
  wait "$pid"
  echo "  cancel of a health check reading a trickling body:      run ended $(( $(now_ms) - start )) ms after cancel was sent"
}

# --- 5. reopening the store after kill -9 -----------------------------------------------------
reopen_after_kill() {
  local dir="$work/reopen" times=() clean=(); mkdir -p "$dir"
  printf 'service: faults\nenvironments: {local: {}}\nstages:\n  - name: work\n    steps:\n      - run: "for i in $(seq 300); do sleep 0.1; done # %s"\n' "$dir" > "$dir/shipshape.yaml"
  for round in 1 2 3 4 5; do
    (cd "$dir" && exec "$here/shipshape" deploy --env local --version r$round >/dev/null 2>&1) &
    local pid=$!
    until [ -n "$(cd "$dir" && ship runs --output json 2>/dev/null | grep -m1 running)" ]; do sleep 0.3; done
    kill -KILL "$pid"; wait "$pid" 2>/dev/null
    local start; start=$(now_ms)
    (cd "$dir" && ship runs >/dev/null 2>&1)
    times+=($(( $(now_ms) - start )))
    start=$(now_ms)
    (cd "$dir" && ship runs >/dev/null 2>&1)
    clean+=($(( $(now_ms) - start )))
    pkill -KILL -f "done # $dir" 2>/dev/null
  done
  echo "store reopen after kill -9 (\`runs\`, JVM start included), ms: ${times[*]}; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p);" \
       "the same \`runs\` right after on the clean store: ${clean[*]}; median $(printf '%s\n' "${clean[@]}" | sort -n | sed -n 3p)"
}

echo "fault rerun: $(date -u +%FT%TZ), $(nproc) cores"
kill_and_resume
concurrent_starts
secret_canaries
stalled_servers
reopen_after_kill
