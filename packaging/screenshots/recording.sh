#!/usr/bin/env bash
# Takes the README's screenshot of a take in progress: Tapedeck on the private test sound
# server, recording a tone that another client plays into the sink whose monitor is the
# default source, with the recording screen (REC, elapsed time, size, disk left, inputs)
# shown, under Xvfb. Needs a build and the test packages (packaging/install-deps.sh --test).
#
#   packaging/screenshots/recording.sh BUILD_DIR OUTPUT.png
set -euo pipefail

# Runs inside the sound server and the X server: the tone, the window, the picture.
inner() {
    local build=$1 output=$2 pids=()
    local tone="${TAPEDECK_SOUND_SERVER_DIR}/tone.wav"
    # A voice-like level: a 220 Hz tone with a slow swell, for 30 seconds.
    sox -n -r 48000 -c 2 "${tone}" synth 30 sine 220 tremolo 0.5 60 vol 0.4
    paplay "${tone}" &
    pids+=($!)
    "${build}/app/tapedeck" &
    pids+=($!)
    sleep 3
    # Record, where the window (at the screen's corner) has the button; this also gives the
    # window the keyboard focus (there is no window manager).
    xdotool mousemove 42 38 click 1
    sleep 6
    import -window root "${output}"
    xdotool key r # stop: the take is finalized before the window goes
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
