#!/usr/bin/env bash
# Takes the README's screenshot of the window: Tapedeck on the private test sound server with
# two named microphones ("Studio Mic", "Headset Mic"), a file open, and the input picker
# unfolded, under Xvfb. Needs a build and the test packages (packaging/install-deps.sh --test).
#
#   packaging/screenshots/take.sh BUILD_DIR FILE OUTPUT.png
set -euo pipefail

# Runs inside the sound server and the X server: the microphones, the window, the picture.
inner() {
    local build=$1 file=$2 output=$3 pids=()
    # Each "microphone" hears the default source: no feed sinks, so no extra monitors listed.
    pw-loopback --capture-props='node.name=feed_studio' \
        --playback-props='media.class=Audio/Source node.name=studio_mic node.description="Studio Mic"' \
        >/dev/null 2>&1 &
    pids+=($!)
    pw-loopback --capture-props='node.name=feed_headset audio.channels=1 audio.position=[MONO]' \
        --playback-props='media.class=Audio/Source node.name=headset_mic node.description="Headset Mic" audio.channels=1 audio.position=[MONO]' \
        >/dev/null 2>&1 &
    pids+=($!)
    sleep 1
    pactl set-default-source studio_mic # as a desktop with a microphone has it
    "${build}/app/tapedeck" "${file}" &
    pids+=($!)
    sleep 3
    # Unfold the input picker, where the window (at the screen's corner) has it.
    xdotool mousemove 1000 127 click 1
    sleep 1
    import -window root "${output}"
    kill "${pids[@]}" 2>/dev/null || true
}
if [ "${1:-}" = "--inner" ]; then
    shift
    inner "$@"
    exit 0
fi
script=$(realpath "$0")
build=$(realpath "$1") file=$(realpath "$2") output=$(realpath -m "$3")
cd "$(dirname "${script}")/../.."
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1100x640x24" \
    "${script}" --inner "${build}" "${file}" "${output}"
