#!/usr/bin/env bash
# Parting next to Typst, in one run, on one core.
#
#   bench/side_by_side.sh [-n LETTERS] [-r RUNS] [-l "de th"]
#
# For each language: `parting batch` over LETTERS distinct letters (the
# sample request, a different recipient name each time) pinned to core 0
# (taskset -c 0, --jobs 1), and Typst (npm @myriaddreamin/typst-ts-node-compiler,
# the harness in ../shared/peers, TYPST_DISTINCT=1: distinct names, its layout
# cache kept) compiling as many letters of the same content on the same core;
# then one-shot times (a fresh process per letter) and PDF sizes. RUNS times
# each (default 3); prints the medians and the ratios Parting/Typst.
# Two Parting rates: the whole `parting batch` run (start-up, reading the
# requests, writing every PDF and the manifest), and its steady rate, which
# leaves the process's start-up out as Typst's loop does (its harness times
# the loop after a first render, and writes no file): (N - 1) letters over
# the time of N letters less the time of one. The folders live in /dev/shm
# when there is one, so that the file system's inode allocation (this VM's
# ext4 has no journal and searches for recently deleted inodes at every new
# file) is not what is measured.
# PARTING_BINARY: the parting to measure (default: a Release build in
# build-bench/). PARTING_PEERS: the peers harness (default ../shared/peers,
# copied to a temporary folder, where npm installs Typst once).
# Not a test: the machine is shared and noisy; compare ratios from one run.
set -euo pipefail

letters=400 runs=3 langs="de th"
while getopts "n:r:l:h" option; do
  case "$option" in
    n) letters="$OPTARG" ;;
    r) runs="$OPTARG" ;;
    l) langs="$OPTARG" ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
for tool in taskset node python3; do
  command -v "$tool" >/dev/null || { echo "side_by_side: $tool not found" >&2; exit 1; }
done

binary="${PARTING_BINARY:-}"
if [ -z "$binary" ]; then
  build="$root/build-bench"
  [ -f "$build/CMakeCache.txt" ] ||
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPARTING_BUILD_TESTS=OFF >/dev/null
  echo "side_by_side: building $build/parting (Release)…" >&2
  cmake --build "$build" --target parting -j2 >"$build/side_by_side_build.log" 2>&1 ||
    { tail -40 "$build/side_by_side_build.log" >&2; exit 1; }
  binary="$build/parting"
fi

work="$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")" parting_side.XXXXXX)"
trap 'rm -rf "$work"' EXIT
peers_src="${PARTING_PEERS:-$root/../shared/peers}"
peers="$work/peers"
cp -r "$peers_src" "$peers"
chmod -R u+w "$peers"
if [ ! -d "$peers/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
  echo "side_by_side: installing Typst (npm)…" >&2
  (cd "$peers" && npm install --no-audit --no-fund @myriaddreamin/typst-ts-node-compiler \
    >"$work/npm.log" 2>&1) || { tail -20 "$work/npm.log" >&2; exit 1; }
fi
(cd "$peers" && node src/gen.mjs >/dev/null)

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
now() { date +%s%N; }

printf '%-4s %-26s %12s %12s %8s\n' lang measure Parting Typst ratio
for lang in $langs; do
  sample="letter_templates/$lang/samples/full.json"
  # LETTERS distinct requests: the sample with a numbered recipient name.
  python3 - "$sample" "$letters" >"$work/$lang.jsonl" <<'PY'
import json, sys
request = json.load(open(sys.argv[1], encoding="utf-8"))
base = request["recipient"].get("name", "")
for i in range(int(sys.argv[2])):
    request["recipient"]["name"] = f"{base} {i}"
    print(json.dumps(request, ensure_ascii=False))
PY
  head -1 "$work/$lang.jsonl" >"$work/$lang-1.jsonl"
  parting_rates=() steady_rates=() typst_rates=() parting_shots=() typst_shots=()
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/out"
    t0=$(now)
    taskset -c 0 "$binary" batch "$work/$lang.jsonl" --out "$work/out" --jobs 1 \
      >/dev/null 2>"$work/batch.log" || { cat "$work/batch.log" >&2; exit 1; }
    t1=$(now)
    parting_rates+=("$(awk -v n="$letters" -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }')")
    rm -rf "$work/out1"
    t2=$(now)
    taskset -c 0 "$binary" batch "$work/$lang-1.jsonl" --out "$work/out1" --jobs 1 \
      >/dev/null 2>"$work/batch.log" || { cat "$work/batch.log" >&2; exit 1; }
    t3=$(now)
    steady_rates+=("$(awk -v n="$letters" -v ns=$((t1 - t0 - (t3 - t2))) \
      'BEGIN { printf "%.1f", (n - 1) / (ns / 1e9) }')")
    typst_rates+=("$(cd "$peers" && TYPST_DISTINCT=1 taskset -c 0 node src/typst-render.mjs "$lang" \
      "$work/typst-$lang.pdf" --loop "$letters" | sed -n 's/.*"perSec": *\([0-9.]*\).*/\1/p')")
    t0=$(now)
    "$binary" render "$sample" -o "$work/parting-$lang.pdf"
    t1=$(now)
    parting_shots+=("$(( (t1 - t0) / 1000000 ))")
    t0=$(now)
    (cd "$peers" && node src/typst-render.mjs "$lang" "$work/typst-$lang.pdf")
    t1=$(now)
    typst_shots+=("$(( (t1 - t0) / 1000000 ))")
  done
  pr=$(printf '%s\n' "${parting_rates[@]}" | median)
  sr=$(printf '%s\n' "${steady_rates[@]}" | median)
  tr=$(printf '%s\n' "${typst_rates[@]}" | median)
  ps=$(printf '%s\n' "${parting_shots[@]}" | median)
  ts=$(printf '%s\n' "${typst_shots[@]}" | median)
  pk=$(stat -c %s "$work/parting-$lang.pdf")
  tk=$(stat -c %s "$work/typst-$lang.pdf")
  pp=$(pdfinfo "$work/parting-$lang.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  tp=$(pdfinfo "$work/typst-$lang.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  awk -v l="$lang" -v pr="$pr" -v sr="$sr" -v tr="$tr" -v ps="$ps" -v ts="$ts" -v pk="$pk" -v tk="$tk" \
      -v pp="$pp" -v tp="$tp" -v n="$letters" 'BEGIN {
    printf "%-4s %-26s %12.1f %12.1f %7.2fx\n", l, "letters/s, one core (" n ")", pr, tr, pr / tr
    printf "%-4s %-26s %12.1f %12.1f %7.2fx\n", l, "  steady (no start-up)", sr, tr, sr / tr
    printf "%-4s %-26s %12d %12d %7.2fx\n", l, "one-shot ms", ps, ts, ps / ts
    printf "%-4s %-26s %12.1f %12.1f %7.2fx\n", l, "PDF KiB (" pp " / " tp " pages)", pk / 1024, tk / 1024, pk / tk
  }'
done
