#!/usr/bin/env bash
# Takes the README's small-window screenshot: the window at 800×500 with a take open and the
# takes panel shown (F9), every transport button still on the toolbar, on the private test
# sound server under Xvfb. Needs a build, sox and the test packages
# (packaging/install-deps.sh --test).
#
#   packaging/screenshots/small-window.sh BUILD_DIR OUTPUT.png
set -euo pipefail

inner() {
    local build=$1 output=$2 folder window
    folder=$(mktemp -d)
    sox -q -n -r 48000 -c 2 -b 16 "${folder}/Interview.wav" synth 30 sine 220 sine 330 \
        tremolo 0.7 90 gain -9
    "${build}/app/tapedeck" "${folder}/Interview.wav" &
    local pid=$!
    sleep 3
    window=$(xdotool search --sync --onlyvisible --name "^Tapedeck" | head -1)
    xdotool windowfocus --sync "${window}" windowsize --sync "${window}" 800 500
    xdotool key F9
    sleep 1.5
    import -window "${window}" "${output}"
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
