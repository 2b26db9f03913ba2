#!/usr/bin/env bash
# The web form end to end in a real headless Chromium.
#   tests/browser/run.sh PATH/TO/parting
# Starts `parting serve` on a free port with this repository as its root and
# a throw-away signing certificate (and a second one without), runs
# form.test.mjs against them (playwright-core driving /usr/bin/chromium) and
# always stops the servers again. Never downloads a browser.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:?usage: run.sh PATH/TO/parting}"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PARTING_CHROMIUM="${PARTING_CHROMIUM:-/usr/bin/chromium}"

for tool in node npm pdftotext pdfsig pdfinfo qpdf openssl curl; do
  command -v "$tool" >/dev/null || { echo "browser test: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
[[ -x "$PARTING_CHROMIUM" ]] || { echo "browser test: no Chromium at $PARTING_CHROMIUM (scripts/install-deps.sh)" >&2; exit 1; }

if [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/axe-core" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/parting-browser.XXXXXX")"
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -z "${PARTING_KEEP_ARTIFACTS:-}" ]]; then rm -rf "$work"; else echo "browser test: artifacts in $work" >&2; fi
}
trap cleanup EXIT INT TERM

# A throw-away signing identity, so that the form's "Sign the final letter"
# is tried for real (pdfsig checks the letter); a second server without one
# shows the form without signing.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj '/CN=Northlight Consulting LLC' -keyout "$work/signing-key.pem" -out "$work/signing-cert.pem" \
  >/dev/null 2>&1 || { echo "browser test: openssl could not make a test certificate" >&2; exit 1; }

# Starts `parting serve` with the given flags, logging to $1; sets `url`
# once the server names its address, as plain text or in a JSON log line:
#   parting: listening on http://127.0.0.1:PORT/ (…)
#   {"event":"server",…,"message":"listening on http://127.0.0.1:PORT/ (…)"}
start_server() {
  local log="$1" pid
  shift
  : >"$log"  # there before the first read, not only once the server's shell opens it
  "$binary" serve --host 127.0.0.1 --port 0 --root "$root" --data-dir "$work/data-$(basename "$log" .log)" "$@" 2>"$log" &
  pid=$!
  server_pids+=("$pid")
  url=""
  for _ in $(seq 1 300); do
    url="$(sed -n 's|.*listening on \(http://[^ /"]*/\).*|\1|p' "$log" | head -n 1)"
    [[ -n "$url" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "browser test: the server did not start" >&2; exit 1; }
    sleep 0.05
  done
  cat "$log" >&2
  echo "browser test: the server named no address" >&2
  exit 1
}

start_server "$work/server.log" --signing-cert "$work/signing-cert.pem" --signing-key "$work/signing-key.pem"
signing_url="$url"
start_server "$work/server-unsigned.log"
unsigned_url="$url"

status=0
PARTING_URL="$signing_url" PARTING_URL_UNSIGNED="$unsigned_url" PARTING_ARTIFACTS="$work" \
  timeout --kill-after=5 100 node --test --test-reporter=spec "$here/examples.test.mjs" "$here/form.test.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log (last 40 lines)" >&2
  tail -n 40 "$work/server.log" >&2 || true
fi
exit $status
