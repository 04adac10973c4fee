#!/usr/bin/env bash
# Builds the file-opening fuzzer with clang (libFuzzer, AddressSanitizer, UBSan) in its own
# build folder and runs it on the seed corpus for SECONDS seconds.
#
#   tests/fuzz/run-fuzz.sh SECONDS
#
# New inputs go to build-fuzz/corpus (the seeds in tests/fuzz/corpus stay as they are); a
# crashing input is saved as build-fuzz/artifacts/crash-* and the script exits non-zero.
# Reproduce one with: build-fuzz/summary_fuzzer build-fuzz/artifacts/crash-...
# Needs clang and libclang-rt-14-dev (packaging/install-deps.sh --test).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?usage: tests/fuzz/run-fuzz.sh SECONDS}
build=build-fuzz

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$build.configure.log" 2>&1 ||
    { cat "$build.configure.log"; exit 1; }
rm -f "$build.configure.log"
cmake --build "$build" --target summary_fuzzer

mkdir -p "$build/corpus" "$build/artifacts"
# Input sizes: the seeds are at most a few kB; larger inputs only slow each run down.
# rss_limit: a file that makes the opener allocate gigabytes is a finding, not a pass.
ASAN_OPTIONS="detect_leaks=1 allocator_may_return_null=0" \
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1 halt_on_error=1" \
    "$build/summary_fuzzer" "$build/corpus" tests/fuzz/corpus \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1
