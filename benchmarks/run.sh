#!/usr/bin/env bash
# Prints Tapedeck's performance figures. Timing is reported, never judged: nothing here fails
# because the machine is slow.
#
#   benchmarks/run.sh [BUILD_DIR]     (default: build; build it first, any build type)
#
# 1. summaries and waveform view on a generated 60-minute stereo 48 kHz 16-bit WAV
# 1b. loudness: tapedeck --info with and without loudness, a plain read, ffmpeg ebur128
# 2. engine: callback time per block (record and play, 48 kHz stereo, 256 frames) and the CPU
#    time of `tapedeck --play` for a 60-second file, against the private test sound server
# 3. CPU, wake-ups and peak memory of a 20 s take and playback next to sox, arecord/aplay and
#    parecord/paplay, and the CPU of an idle window with a file open (compare-tools.py)
#  - CPU seconds of a 20 s take with one input and with two, beside a bare PortAudio
#    callback program (bare_capture), sox and arecord (call-cpu.py)
# 4. launch to first frame under Xvfb, against a bare Qt window (median of 7 launches each)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
tapedeck="$PWD/$build/app/tapedeck"
launches=7

echo "=== Summaries and view (60-minute file) ==="
QT_QPA_PLATFORM=offscreen "$build/benchmarks/tapedeck_benchmarks"

echo
echo "=== Loudness (60-minute file, against a plain read and ffmpeg) ==="
"$build/benchmarks/loudness_benchmark" "$tapedeck"

echo
echo "=== Engine (real streams on the test sound server) ==="
tests/audio/with-sound-server.sh "$build/benchmarks/engine_benchmark" "$tapedeck"

echo
echo "=== Side by side with sox, arecord/aplay and parecord/paplay (same server, same job) ==="
tests/audio/with-sound-server.sh benchmarks/compare-tools.py "$tapedeck"
tests/audio/with-sound-server.sh benchmarks/call-cpu.py "$PWD/$build"

echo
echo "=== Launch to first frame, against a bare Qt window (Xvfb, $launches launches each) ==="
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1280x800x24" \
    "$build/benchmarks/launch_benchmark" "$PWD/$build/app/tapedeck-window" \
    "$build/benchmarks/bare_window" "$launches"
