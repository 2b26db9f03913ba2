#!/usr/bin/env bash
# Fuzzes the engine with libFuzzer for a bounded time: request parsing and
# planning (request_fuzzer), then the whole render path, parse -> plan ->
# compose -> layout -> PDF (render_fuzzer).
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags…]     (default 60 s each)
#
# Builds fuzz/*_fuzzer.cc with clang++ and ASan+UBSan into build-fuzz/
# (incremental: only changed sources are recompiled), seeds the corpus from
# letter_templates/*/samples/*.json and fuzz/corpus/, runs each fuzzer,
# prints the number of executions and exits non-zero on any crash, leak,
# UBSan report, timeout, out-of-memory or broken promise (a render_fuzzer
# input that parses but fails as a 500). Reproducers land in
# build-fuzz/artifacts/<fuzzer>/; replay one with
#   build-fuzz/render_fuzzer build-fuzz/artifacts/render_fuzzer/crash-…
# Environment: PARTING_FUZZ_BUILD (build folder, default <repo>/build-fuzz),
# PARTING_FUZZ_JOBS (parallel compile jobs, default 2), PARTING_FUZZ_TARGETS
# (default "request_fuzzer render_fuzzer").
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PARTING_FUZZ_BUILD:-$root/build-fuzz}"
jobs="${PARTING_FUZZ_JOBS:-2}"
targets="${PARTING_FUZZ_TARGETS:-request_fuzzer render_fuzzer}"

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root/fuzz" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clang++ >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; exit 1; }
  mv "$build.configure.log" "$build/configure.log"
fi
start=$(date +%s)
# shellcheck disable=SC2086
if ! cmake --build "$build" --target $targets -j"$jobs" >"$build/build.log" 2>&1; then
  cat "$build/build.log" >&2
  exit 1
fi
echo "fuzz: build took $(( $(date +%s) - start )) s"

# Seeds: the sample requests and the committed corpus (hand-made edge cases
# and the reproducers of every crash found so far). New inputs go to
# build-fuzz/corpus, which persists between runs.
mkdir -p "$build/corpus" "$build/seeds" "$build/artifacts"
for sample in "$root"/letter_templates/*/samples/*.json; do
  [ -f "$sample" ] || continue
  lang="$(basename "$(dirname "$(dirname "$sample")")")"
  cp "$sample" "$build/seeds/${lang}_$(basename "$sample")"
done

export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
overall=0
for target in $targets; do
  log="$build/last_run_$target.log"
  mkdir -p "$build/corpus/$target" "$build/artifacts/$target"
  status=0
  # -error_exitcode: a crash / sanitizer report / leak; -timeout_exitcode: one
  # input that runs longer than -timeout seconds.
  "$build/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$root/fuzz/json.dict" -print_final_stats=1 \
    -error_exitcode=77 -timeout_exitcode=78 \
    -artifact_prefix="$build/artifacts/$target/" \
    "$@" "$build/corpus/$target" "$build/seeds" "$root/fuzz/corpus" >"$log" 2>&1 || status=$?

  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  corpus="$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1 || true)"
  echo "fuzz: $target: ${runs:-?} executions in $seconds s (${corpus:-corpus ?}), exit status $status"
  if [ "$status" -ne 0 ]; then
    # The report: the sanitizer's or libFuzzer's message and the reproducer.
    grep -n -A60 -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|_fuzzer: ' "$log" >&2 ||
      tail -80 "$log" >&2
    grep -E 'Test unit written to' "$log" >&2 || true
    overall=1
  fi
done
exit "$overall"
