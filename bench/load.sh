#!/usr/bin/env bash
# Load test: the real `parting serve` on loopback under wrk.
#
#   bench/load.sh [-d SECONDS] [-t THREADS] [-c CONNECTIONS] [-r RUNS] [-l LANG]
#   bench/load.sh -c 16,64 …     (overload: several connection counts in a row)
#
# Builds a Release `parting` into build-load/ if needed (PARTING_LOAD_BUILD to
# use another folder, PARTING_BINARY to use a given binary), starts
# `parting serve --host 127.0.0.1 --port 0`, warms it up, then runs wrk
# against POST /v1/letters (PDF) and POST /v1/letters/plan (JSON only) with
# letter_templates/LANG/samples/full.json (default de), RUNS times each
# (default 1; the median run is reported), DURATION seconds per run (default
# 20), -t2 -c8 by default. Prints letters/s and p50/p90/p99 latency per run
# and the median; exits non-zero when any reply was not 200. With a list of
# connection counts (-c 16,64) it runs each in turn against the same server
# and prints each later count's letters/s as a share of the first's (the
# service should hold >= 90 % at 64 connections). The server is stopped on
# exit, whatever happens. Loopback only.
set -euo pipefail

duration=20 threads=2 connections=8 runs=1 lang=de
while getopts "d:t:c:r:l:h" option; do
  case "$option" in
    d) duration="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    c) connections="$OPTARG" ;;
    r) runs="$OPTARG" ;;
    l) lang="$OPTARG" ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v wrk >/dev/null || { echo "load: wrk not found (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "load: curl not found" >&2; exit 1; }
body="letter_templates/$lang/samples/full.json"
[ -f "$body" ] || { echo "load: no sample $body" >&2; exit 1; }

binary="${PARTING_BINARY:-}"
if [ -z "$binary" ]; then
  build="${PARTING_LOAD_BUILD:-$root/build-load}"
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPARTING_BUILD_TESTS=OFF >/dev/null
  fi
  echo "load: building $build/parting (Release)…" >&2
  cmake --build "$build" --target parting -j"${PARTING_LOAD_JOBS:-2}" >"$build/load_build.log" 2>&1 ||
    { tail -40 "$build/load_build.log" >&2; exit 1; }
  binary="$build/parting"
fi

log="$(mktemp -t parting_load.XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

"$binary" serve --host 127.0.0.1 --port 0 --root "$root" >"$log" 2>&1 &
server_pid=$!
address=""
for _ in $(seq 600); do
  address="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/listening on //')" || true
  [ -n "$address" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "load: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { cat "$log" >&2; echo "load: no address after 60 s" >&2; exit 1; }
echo "load: $(sed -n 's/.*\(listening on [^"]*\).*/\1/p' "$log" | head -1)" >&2

# Warm-up: the hyphenation patterns and first-use caches, outside the numbers.
for route in /v1/letters /v1/letters/plan; do
  for _ in 1 2 3; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      --data-binary "@$body" "$address$route")"
    [ "$code" = 200 ] || { echo "load: warm-up $route answered $code" >&2; exit 1; }
  done
done

echo "load: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
  "wrk -t$threads -c$connections -d${duration}s, $runs run(s) per route, body $body" >&2
failed=0
IFS=, read -r -a connection_counts <<<"$connections"
first_rate=""
for connections in "${connection_counts[@]}"; do
for route in /v1/letters /v1/letters/plan; do
  summaries=()
  for run in $(seq "$runs"); do
    out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency \
      -s "$root/bench/wrk/letter.lua" "$address" -- "$route" "$body")"
    summary="$(grep '^PARTING ' <<<"$out" | sed 's/^PARTING //')"
    [ -n "$summary" ] || { echo "$out" >&2; echo "load: wrk gave no summary" >&2; exit 1; }
    echo "$route -c$connections run $run: $summary"
    summaries+=("$summary")
    errors="$(sed -n 's/.*errors=\([0-9]*\).*/\1/p' <<<"$summary")"
    [ "$errors" = 0 ] || failed=1
  done
  # The median run by throughput.
  median="$(printf '%s\n' "${summaries[@]}" |
    awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^per_second=/) { split($i, kv, "="); print kv[2], $0 } }' |
    sort -n | awk -v n="${#summaries[@]}" 'NR == int((n + 1) / 2) { $1 = ""; print substr($0, 2) }')"
  per_second="$(sed -n 's/.*per_second=\([0-9.]*\).*/\1/p' <<<"$median")"
  p50="$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$median")"
  p90="$(sed -n 's/.*p90_ms=\([0-9.]*\).*/\1/p' <<<"$median")"
  p99="$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$median")"
  what=$([ "$route" = /v1/letters ] && echo "letters/s" || echo "plans/s")
  echo "$route -c$connections median of $runs: $per_second $what, p50 $p50 ms, p90 $p90 ms, p99 $p99 ms"
  if [ "$route" = /v1/letters ]; then
    if [ -z "$first_rate" ]; then
      first_rate="$per_second"
    else
      echo "/v1/letters -c$connections: $(awk -v a="$per_second" -v b="$first_rate" \
        'BEGIN { printf "%.1f", 100 * a / b }') % of the -c${connection_counts[0]} rate"
    fi
  fi
done
done
if [ "$failed" -ne 0 ]; then
  echo "load: some replies were not 200 (see errors= above); server log:" >&2
  tail -20 "$log" >&2
  exit 1
fi
