#!/usr/bin/env bash
# Takes the screenshot of File › Export… (Ctrl+Shift+E) over an open take, with the Podcast
# preset and the measured loudness shown, on the private test sound server under Xvfb. The
# take is made here (speech-like syllables). Needs a build and the test packages
# (packaging/install-deps.sh --test).
#
#   packaging/screenshots/export-dialog.sh BUILD_DIR OUTPUT.png
set -euo pipefail

inner() {
    local build=$1 output=$2
    local folder="${HOME}/Music/Tapedeck"
    mkdir -p "${folder}"
    python3 - "${folder}/Interview.wav" <<'PY'
import math, random, struct, sys, wave
rate, seconds, rng = 48000, 20, random.Random(3)
frames = bytearray()
for n in range(rate * seconds):
    t = n / rate
    env = math.sin(math.pi * 3.7 * t) ** 2 * (1.0 if t % 4.0 < 3.2 else 0.02)
    x = 0.3 * env * (math.sin(2 * math.pi * 160 * t) + 0.5 * math.sin(2 * math.pi * 320 * t))
    v = int(max(-1.0, min(1.0, x + rng.gauss(0, 0.01 * env))) * 32767)
    frames += struct.pack("<hh", v, v)
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate); w.writeframes(bytes(frames))
PY
    "${build}/app/tapedeck" "${folder}/Interview.wav" &
    local app=$!
    sleep 3
    xdotool search --sync --onlyvisible --name "Tapedeck" windowfocus --sync >/dev/null 2>&1 || true
    xdotool key ctrl+shift+e
    sleep 3 # the preview measures the take
    import -window "$(xdotool search --sync --onlyvisible --name '^Export$' | head -1)" "${output}"
    kill "${app}" 2>/dev/null || true
    wait "${app}" 2>/dev/null || true
}
if [ "${1:-}" = "--inner" ]; then
    shift
    inner "$@"
    exit 0
fi
if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR OUTPUT.png" >&2
    exit 2
fi
script=$(realpath "$0")
build=$(realpath "$1") output=$(realpath -m "$2")
cd "$(dirname "${script}")/../.."
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1280x800x24" \
    "${script}" --inner "${build}" "${output}"
