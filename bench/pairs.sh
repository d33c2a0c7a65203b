# Shared by the whole-command benchmarks: times two commands as a user waits for them (process
# start to exit, JVM start included), in alternating pairs, and prints both medians and the ratio.
# Source it, then call: pair "LABEL" ROUNDS shipshape_function reference_function
# Each function runs one whole command; a non-zero exit the function does not accept stops the bench.

now_ns() { date +%s%N; }

# Milliseconds (with one decimal) one call of "$@" takes.
time_ms() {
  local start end
  start=$(now_ns)
  "$@"
  end=$(now_ns)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e6 }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# pair LABEL ROUNDS SHIPSHAPE REFERENCE: alternates SHIPSHAPE and REFERENCE ROUNDS times.
pair() {
  local label="$1" rounds="$2" ours="$3" theirs="$4" a b
  local -a as=() bs=()
  for round in $(seq "$rounds"); do
    a=$(time_ms "$ours" "$round"); b=$(time_ms "$theirs" "$round")
    as+=("$a"); bs+=("$b")
    echo "  round $round: shipshape ${a} ms, reference ${b} ms"
  done
  local ma mb
  ma=$(median "${as[@]}"); mb=$(median "${bs[@]}")
  awk -v l="$label" -v a="$ma" -v b="$mb" \
    'BEGIN { printf "%s: shipshape median %.0f ms, reference median %.0f ms, ratio %.2fx\n", l, a, b, a / b }'
}

# The JDK the launcher uses: JAVA_HOME when set (the launcher takes it first when it is 21 or
# newer), else the launcher's first choice.
bench_java_home() {
  local home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
  if [ ! -x "$home/bin/java" ]; then
    echo "no JDK at $home; set JAVA_HOME to the JDK (21 or newer) the launcher should use" >&2
    return 1
  fi
  echo "$home"
}
