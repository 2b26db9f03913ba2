#!/usr/bin/env bash
# Scale-out on one machine: PostgreSQL (Debian's, its own data folder,
# loopback, run as the postgres user), two `parting serve` replicas that only
# serve, two `parting worker`s, HAProxy in front. A job of N letters goes in
# through HAProxy; midway one worker and one replica are killed with SIGKILL.
# The job must complete with every letter exactly once, its archive must
# equal the synchronous batch's, and every replica (the killed one restarted)
# must answer for it.
#
#   scripts/scale-out-test.sh BUILD/parting [LETTERS] [--measure]
#
# LETTERS defaults to 2000, as CI runs it (tests/CMakeLists.txt). The
# letters cycle through PARTING_SCALE_LANGUAGES (default "en de pt pl"); CI
# leaves German out, whose hyphenation patterns take each new process seconds
# (tens of seconds on a busy machine) to load.
# --measure instead times the same job with 1 and with 2 workers (no kills)
# and prints letters per second and where each worker's time went (claim,
# render, store per item; docs/scaling.md). Everything lives in a
# temporary folder and every process started here is stopped at the end.
set -euo pipefail

PARTING=$(realpath "${1:?usage: scale-out-test.sh PARTING_BINARY [LETTERS] [--measure]}")
LETTERS=${2:-2000}
MODE=${3:-check}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/parting_scale.XXXXXX)
chmod 755 "$WORK"  # the postgres user reaches its folder inside
PIDS=()

log() { echo "scale-out: $(date +%T) $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -f $WORK/pg/data/postmaster.pid ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- PostgreSQL ------------------------------------------------------------
mkdir -p "$WORK/pg"
chown postgres "$WORK/pg"
chmod 700 "$WORK/pg"
PG_PORT=$(free_port)
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 \
  >"$WORK/pg/initdb.log" 2>&1 || fail "initdb: $(cat "$WORK/pg/initdb.log")"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
DATABASE="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
log "PostgreSQL on 127.0.0.1:$PG_PORT"

# --- processes ---------------------------------------------------------------
# start_serve NAME: a replica that serves only; sets PORT_<NAME> and PID_<NAME>.
start_serve() {
  local name=$1 port
  port=$(free_port)
  "$PARTING" serve --root "$ROOT" --port "$port" --database "$DATABASE" --no-worker \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  printf -v "PID_$name" %s $!
  printf -v "PORT_$name" %s "$port"
  for _ in $(seq 1 600); do
    grep -q "listening on" "$WORK/$name.log" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$name did not start: $(cat "$WORK/$name.log")"
}

# start_worker NAME
start_worker() {
  local name=$1
  "$PARTING" worker --root "$ROOT" --database "$DATABASE" --job-workers 1 --job-lease-ms 3000 \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  printf -v "PID_$name" %s $!
}

start_serve replica1
start_serve replica2
HAPROXY_PORT=$(free_port)
cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 256
defaults
  mode http
  timeout connect 2s
  timeout client 300s
  timeout server 300s
  retries 3
  option redispatch
frontend parting
  bind 127.0.0.1:$HAPROXY_PORT
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /healthz
  server replica1 127.0.0.1:$PORT_replica1 check inter 500ms fall 2 rise 2
  server replica2 127.0.0.1:$PORT_replica2 check inter 500ms fall 2 rise 2
EOF
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
LB="http://127.0.0.1:$HAPROXY_PORT"
for _ in $(seq 1 100); do curl -sf "$LB/healthz" >/dev/null && break; sleep 0.1; done
log "HAProxy on $LB before replicas on :$PORT_replica1 and :$PORT_replica2"

# --- the job -------------------------------------------------------------------
python3 - "$ROOT" "$LETTERS" "${PARTING_SCALE_LANGUAGES:-en de pt pl}" >"$WORK/body.json" <<'EOF'
import json, sys
root, count = sys.argv[1], int(sys.argv[2])
languages = sys.argv[3].split()
samples = [json.load(open(f"{root}/letter_templates/{l}/samples/full.json")) for l in languages]
items = []
for i in range(count):
    request = json.loads(json.dumps(samples[i % len(samples)]))
    request["recipient"]["name"] = f"{request['recipient']['name']} {i}"
    items.append(request)
json.dump(items, sys.stdout)
EOF

# get PATH: through HAProxy, retried while a replica is being taken out.
get() { curl -sf --retry 5 --retry-all-errors --retry-delay 1 "$LB$1"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

submit() {
  curl -sf --retry 5 --retry-all-errors -X POST "$LB/v1/jobs" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/body.json" | field 'd["id"]'
}

wait_done() {
  local id=$1 status
  for _ in $(seq 1 6000); do
    status=$(get "/v1/jobs/$id" | field 'd["status"]')
    [[ $status == done ]] && return 0
    [[ $status == cancelled ]] && fail "job $id was cancelled"
    sleep 0.5
  done
  fail "job $id did not finish"
}

if [[ $MODE == --measure ]]; then
  for workers in 1 2; do
    for w in $(seq 1 "$workers"); do start_worker "m${workers}w$w"; done
    sleep "${PARTING_SCALE_WARMUP:-60}"  # engines built, German hyphenation loaded
    start=$(date +%s.%N)
    id=$(submit)
    wait_done "$id"
    end=$(date +%s.%N)
    python3 -c "print(f'scale-out: $workers worker(s): $LETTERS letters in {$end-$start:.1f} s = {$LETTERS/($end-$start):.1f} letters/s')"
    for w in $(seq 1 "$workers"); do
      pid_var="PID_m${workers}w$w"
      kill "${!pid_var}"
      wait "${!pid_var}" 2>/dev/null || true
      # Where the worker's time went (claim, render, store per item).
      grep -o 'stopped after [^"]*' "$WORK/m${workers}w$w.log" | sed "s/^/scale-out: worker $w: /" >&2 || true
    done
  done
  exit 0
fi

start_worker worker1
start_worker worker2
id=$(submit)
log "job $id: $LETTERS letters"

# Midway: SIGKILL one worker and one replica.
for _ in $(seq 1 6000); do
  ok=$(get "/v1/jobs/$id" | field 'd["totals"]["ok"]')
  ((ok >= LETTERS / 3)) && break
  sleep 0.3
done
kill -9 "$PID_worker1" "$PID_replica1"
log "killed worker1 and replica1 (kill -9) at $ok of $LETTERS letters"

wait_done "$id"
log "job done"
job=$(get "/v1/jobs/$id")
ok=$(echo "$job" | field 'd["totals"]["ok"]')
[[ $ok == "$LETTERS" ]] || fail "$ok of $LETTERS letters rendered: $job"

# Exactly once: one stored result per item, each file name once.
get "/v1/jobs/$id/manifest" >"$WORK/manifest.json"
python3 - "$WORK/manifest.json" "$LETTERS" <<'EOF' || fail "manifest"
import json, sys
items = json.load(open(sys.argv[1]))["items"]
count = int(sys.argv[2])
assert len(items) == count, len(items)
assert [i["index"] for i in items] == list(range(count))
assert all(i["status"] == "ok" for i in items)
assert len({i["file"] for i in items}) == count
assert len({i["sha256"] for i in items}) == count
EOF
stored=$(runuser -u postgres -- psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -d postgres \
  -c "SELECT COUNT(*) FROM items WHERE job_id = '$id' AND status = 'ok' AND length(pdf) > 0")
[[ $stored == "$LETTERS" ]] || fail "$stored stored letters"

log "manifest checked"
# The archive is the synchronous batch's, byte for byte.
get "/v1/jobs/$id/archive" >"$WORK/job.zip"
curl -sf -X POST "$LB/v1/letters/batch" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/body.json" -o "$WORK/batch.zip"
cmp "$WORK/job.zip" "$WORK/batch.zip" || fail "the job's archive differs from the batch's"

log "archive = batch"
# Every replica answers for the job, the killed one once restarted.
curl -sf "http://127.0.0.1:$PORT_replica2/v1/jobs/$id" >/dev/null || fail "replica2"
start_serve replica1
curl -sf "http://127.0.0.1:$PORT_replica1/v1/jobs/$id" | grep -q '"status":"done"' ||
  fail "replica1 (restarted) does not answer for the job"

log "OK: $LETTERS letters, each once; archive = batch ($(stat -c %s "$WORK/job.zip") bytes); every replica answers"
