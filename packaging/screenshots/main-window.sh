#!/usr/bin/env bash
# Takes the README's first screenshot: a take open in the window, playing, with a marker
# dropped, on the private test sound server under Xvfb. Needs a build, sox and the test
# packages (packaging/install-deps.sh --test).
#
#   packaging/screenshots/main-window.sh BUILD_DIR OUTPUT.png
set -euo pipefail

inner() {
    local build=$1 output=$2 folder
    folder=$(mktemp -d)
    # A spoken-word-like take: bursts of two tones over a little noise.
    sox -q -n -r 48000 -c 2 -b 16 "${folder}/Interview.wav" synth 30 sine 220 sine 330 \
        tremolo 0.7 90 gain -9
    "${build}/app/tapedeck" "${folder}/Interview.wav" &
    local pid=$!
    sleep 3
    xdotool search --sync --onlyvisible --name "^Tapedeck" windowfocus --sync >/dev/null
    xdotool key space
    sleep 1.5
    xdotool key m
    sleep 1.2
    import -window "$(xdotool search --onlyvisible --name '^Tapedeck' | head -1)" "${output}"
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
    rm -rf "${folder}"
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
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
output=$(realpath -m "$2")
"${here}/../../tests/audio/with-sound-server.sh" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inner "${build}" "${output}"
