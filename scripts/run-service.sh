#!/usr/bin/env bash
# Installs what Parting needs (Debian 12, as root), builds it and starts the
# service with its web form on http://127.0.0.1:8080/. Every setting of
# README's Configuration table applies, as PARTING_* variables
# (PARTING_PORT=9000 bash scripts/run-service.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPARTING_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target parting
exec ./build/parting serve
