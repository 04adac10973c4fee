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
# 4. launch to window shown, under Xvfb (median of several launches)
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
echo "=== Launch to window shown (Xvfb, $launches launches) ==="
# Each launch: time from exec to the window being mapped, as seen by the X server.
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    tapedeck="$1"; launches="$2"
    for i in $(seq "$launches"); do
        start=$(date +%s%N)
        "$tapedeck" >/dev/null 2>&1 &
        pid=$!
        # xdotool --sync polls only twice a second: poll ourselves, every 2 ms, for at most
        # 10 s; a launch that never shows a window is reported and skipped.
        shown=0
        for try in $(seq 5000); do
            if xdotool search --onlyvisible --name "^Tapedeck" >/dev/null 2>&1; then
                shown=1
                break
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.002
        done
        end=$(date +%s%N)
        if [ "$shown" = 1 ]; then
            echo $(( (end - start) / 1000000 ))
        else
            echo "launch $i showed no window" >&2
        fi
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    done | sort -n | awk "{ a[NR] = \$1 } END { if (NR) printf \"launch to window mapped: median %d ms, best %d ms, worst %d ms (%d launches)\\n\", a[int((NR + 1) / 2)], a[1], a[NR], NR }"
' _ "$tapedeck" "$launches"
