#!/usr/bin/env bash
# Installs what Tapedeck needs (Debian 12), builds it in Release mode and starts it.
# Arguments are passed to tapedeck (e.g. a file to open, or --list-devices).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_INSTALL:-0}" != "1" ]; then
    packaging/install-deps.sh
fi
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTAPEDECK_BUILD_TESTS=OFF \
    -DTAPEDECK_BUILD_BENCHMARKS=OFF
cmake --build build-release -j "$(nproc)"
exec ./build-release/app/tapedeck "$@"
