#!/usr/bin/env bash
# The web form end to end in a real headless Chromium.
#   tests/browser/run.sh PATH/TO/parting
# Starts `parting serve` on a free port with this repository as its root,
# runs form.test.mjs against it (playwright-core driving /usr/bin/chromium)
# and always stops the server again. Never downloads a browser.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:?usage: run.sh PATH/TO/parting}"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PARTING_CHROMIUM="${PARTING_CHROMIUM:-/usr/bin/chromium}"

for tool in node npm pdftotext curl; do
  command -v "$tool" >/dev/null || { echo "browser test: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
[[ -x "$PARTING_CHROMIUM" ]] || { echo "browser test: no Chromium at $PARTING_CHROMIUM (scripts/install-deps.sh)" >&2; exit 1; }

if [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/axe-core" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/parting-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -z "${PARTING_KEEP_ARTIFACTS:-}" ]]; then rm -rf "$work"; else echo "browser test: artifacts in $work" >&2; fi
}
trap cleanup EXIT INT TERM

"$binary" serve --host 127.0.0.1 --port 0 --root "$root" 2>"$work/server.log" &
server_pid=$!

# The server names its address on standard error, as plain text or in a
# JSON log line:
#   parting: listening on http://127.0.0.1:PORT/ (…)
#   {"event":"server",…,"message":"listening on http://127.0.0.1:PORT/ (…)"}
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's|.*listening on \(http://[^ /"]*/\).*|\1|p' "$work/server.log" | head -n 1)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "browser test: the server did not start" >&2; exit 1; }
  sleep 0.05
done
[[ -n "$url" ]] || { cat "$work/server.log" >&2; echo "browser test: the server named no address" >&2; exit 1; }

status=0
PARTING_URL="$url" PARTING_ARTIFACTS="$work" \
  timeout --kill-after=5 100 node --test --test-reporter=spec "$here/examples.test.mjs" "$here/form.test.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log (last 40 lines)" >&2
  tail -n 40 "$work/server.log" >&2 || true
fi
exit $status
