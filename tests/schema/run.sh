#!/usr/bin/env bash
# Installs the JSON Schema validator for the schema agreement test
# (tests/server/schema_agreement_test.cc) from package-lock.json.
#   tests/schema/run.sh --install-only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "schema test: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
if [[ ! -d "$here/node_modules/ajv" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
