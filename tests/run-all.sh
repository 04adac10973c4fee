#!/usr/bin/env bash
# Installs what the tests need (Debian 12), builds Tapedeck and runs the whole test suite:
# the normal build with every test (unit, widget, real sound server), the package checks,
# then the engine and unit tests again under ThreadSanitizer, then the whole suite under
# AddressSanitizer and UBSan, then a one-minute fuzz run of the file-opening code.
#
#   tests/run-all.sh              install, build, test
#   SKIP_INSTALL=1 tests/run-all.sh   (packages already installed)
#   SKIP_SANITIZERS=1 tests/run-all.sh
#   FUZZ_SECONDS=600 tests/run-all.sh (a longer fuzz run; 0 skips it)
#   RUN_SOAK=0 tests/run-all.sh       (skip the ten-minute soak recording, label "soak";
#                                      it runs in the background during the sanitizer builds)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_INSTALL:-0}" != "1" ]; then
    packaging/install-deps.sh --test
fi

jobs=$(nproc)

echo "=== Build (RelWithDebInfo) ==="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"

echo "=== Tests ==="
ctest --test-dir build --output-on-failure -j "$jobs" -LE 'benchmark|soak'

echo "=== Package: desktop file, metainfo, .deb built, installed, smoke-run, removed ==="
packaging/check-package.sh build

# The soak records for ten minutes at a few percent of one core: it runs in its own sound
# server while the sanitizer builds keep the cores busy, and is waited for at the end.
soak_pid=""
if [ "${RUN_SOAK:-1}" = "1" ]; then
    echo "=== Soak: a ten-minute recording, started in the background ==="
    ctest --test-dir build --output-on-failure -L soak > build/soak.log 2>&1 &
    soak_pid=$!
    trap '[ -n "$soak_pid" ] && kill "$soak_pid" 2>/dev/null || true' EXIT
fi

if [ "${SKIP_SANITIZERS:-0}" != "1" ]; then
    echo "=== Build with ThreadSanitizer (engine and unit tests) ==="
    cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTAPEDECK_SANITIZE=thread \
        -DTAPEDECK_BUILD_GUI=OFF -DTAPEDECK_BUILD_BENCHMARKS=OFF
    cmake --build build-tsan -j "$jobs"
    echo "=== Tests under ThreadSanitizer ==="
    # Reports go to files, so that races in child processes (the tapedeck command line run by
    # the tests, whose own stderr is kept for user messages) are caught too. die_after_fork=0:
    # the tests start helper processes (pacat) from threaded programs through QProcess.
    reports="$PWD/build-tsan/tsan-reports"
    rm -rf "$reports" && mkdir -p "$reports"
    TSAN_OPTIONS="halt_on_error=1 die_after_fork=0 second_deadlock_stack=1 suppressions=$PWD/tests/tsan.supp log_path=$reports/report" \
        ctest --test-dir build-tsan --output-on-failure -j "$jobs" -LE 'benchmark|soak' || status=$?
    if compgen -G "$reports/report*" > /dev/null; then
        echo "ThreadSanitizer found problems:"
        cat "$reports"/report*
        exit 1
    fi
    if [ "${status:-0}" != "0" ]; then
        exit "$status"
    fi

    echo "=== Build with AddressSanitizer and UBSan (whole suite) ==="
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTAPEDECK_SANITIZE=address,undefined -DTAPEDECK_BUILD_GUI=ON -DTAPEDECK_BUILD_BENCHMARKS=OFF
    cmake --build build-asan -j "$jobs"
    echo "=== Tests under AddressSanitizer and UBSan ==="
    # As above, reports go to files so that the tapedeck processes run by the tests count
    # too. Leaks are checked; tests/lsan.supp names the known leaks of other libraries.
    reports="$PWD/build-asan/asan-reports"
    rm -rf "$reports" && mkdir -p "$reports"
    ASAN_OPTIONS="detect_leaks=1 halt_on_error=1 log_path=$reports/asan" \
    LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp print_suppressions=0" \
    UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1 log_path=$reports/ubsan" \
    QT_QPA_PLATFORM=offscreen \
        ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE 'benchmark|soak' || status=$?
    if compgen -G "$reports/*" > /dev/null; then
        echo "AddressSanitizer or UBSan found problems:"
        cat "$reports"/*
        exit 1
    fi
    if [ "${status:-0}" != "0" ]; then
        exit "$status"
    fi

    if [ "${FUZZ_SECONDS:-60}" != "0" ]; then
        echo "=== Fuzzing the file-opening code (${FUZZ_SECONDS:-60} s) ==="
        tests/fuzz/run-fuzz.sh "${FUZZ_SECONDS:-60}"
    fi
fi

if [ -n "$soak_pid" ]; then
    echo "=== Soak: waiting for the ten-minute recording ==="
    soak_status=0
    wait "$soak_pid" || soak_status=$?
    soak_pid=""
    cat build/soak.log
    exit "$soak_status"
fi
