#!/usr/bin/env bash
# Takes the README's screenshot of a take waiting for its sound: Tapedeck on the private test
# sound server with Take Options' "Start when the level rises above −30 dBFS" on, Record
# pressed and nothing playing, so the recording screen says what it waits for (in grey, no
# REC), under Xvfb. Needs a build and the test packages (packaging/install-deps.sh --test).
#
#   packaging/screenshots/waiting.sh BUILD_DIR OUTPUT.png
set -euo pipefail

# Runs inside the sound server and the X server: the settings, the window, the picture.
inner() {
    local build=$1 output=$2 pids=()
    # The take options as the Take Options panel saves them (the server's private HOME).
    local config="${XDG_CONFIG_HOME:-${HOME}/.config}/Tapedeck"
    mkdir -p "${config}"
    printf '[take]\nstartOnSound=true\nstartAboveDbfs=-30\npreRoll=2\n' >"${config}/Tapedeck.conf"
    "${build}/app/tapedeck" &
    pids+=($!)
    sleep 3
    # Record, where the window (at the screen's corner) has the button; this also gives the
    # window the keyboard focus (there is no window manager).
    xdotool mousemove 42 38 click 1
    sleep 3
    import -window root "${output}"
    xdotool key r # stop: nothing came, nothing is kept
    sleep 1
    kill "${pids[@]}" 2>/dev/null || true
}
if [ "${1:-}" = "--inner" ]; then
    shift
    inner "$@"
    exit 0
fi
script=$(realpath "$0")
build=$(realpath "$1") output=$(realpath -m "$2")
cd "$(dirname "${script}")/../.."
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1100x640x24" \
    "${script}" --inner "${build}" "${output}"
