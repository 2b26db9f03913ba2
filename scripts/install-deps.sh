#!/usr/bin/env bash
# Installs every Debian package Parting needs to build, run and test.
# Run as root on Debian 12. Safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config ca-certificates \
  libhpdf-dev libkainjow-mustache-dev libpoco-dev doctest-dev \
  libharfbuzz-dev libicu-dev libhyphen-dev hyphen-de hyphen-pl hyphen-pt-br hyphen-en-us \
  libqpdf-dev fonts-noto-core python3 python3-fonttools libharfbuzz-bin \
  poppler-utils qpdf curl wrk libbenchmark-dev \
  clang libclang-rt-14-dev chromium nodejs \
  libthai-dev libdeflate-dev libmimalloc-dev nlohmann-json3-dev libcli11-dev libdtl-dev libssl-dev \
  postgresql libpq-dev haproxy python3-aiosmtpd python3-pikepdf icc-profiles-free openssl >/dev/null
# Debian's nodejs needs its npm package; a NodeSource nodejs brings npm itself.
command -v npm >/dev/null || $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
