#!/usr/bin/env bash
# Installs what the tests need (Debian 12), builds Tapedeck and runs the whole test suite:
# the normal build with every test (unit, widget, real sound server), then the engine and
# unit tests again under ThreadSanitizer.
#
#   tests/run-all.sh              install, build, test
#   SKIP_INSTALL=1 tests/run-all.sh   (packages already installed)
#   SKIP_SANITIZERS=1 tests/run-all.sh
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
ctest --test-dir build --output-on-failure -j "$jobs" -LE benchmark

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
        ctest --test-dir build-tsan --output-on-failure -j "$jobs" -LE benchmark || status=$?
    if compgen -G "$reports/report*" > /dev/null; then
        echo "ThreadSanitizer found problems:"
        cat "$reports"/report*
        exit 1
    fi
    exit "${status:-0}"
fi
