#!/usr/bin/env bash
# Takes the README's screenshot of recording a call: Tapedeck on the private test sound server
# with a microphone ("Headset Mic") and the speakers' sound ("Sound from Speakers (what the
# computer plays)") chosen in the Devices panel's "Also record", a tone in each, and a take
# running with a meter per input, under Xvfb. Needs a build and the test packages
# (packaging/install-deps.sh --test).
#
#   packaging/screenshots/call.sh BUILD_DIR OUTPUT.png
set -euo pipefail

# Runs inside the sound server and the X server: the devices, the settings, the sound, the
# window, the picture.
inner() {
    local build=$1 output=$2 pids=()
    local run="${TAPEDECK_SOUND_SERVER_DIR}"
    # The microphone: whatever plays into feed_headset comes out of the source headset_mic.
    pw-loopback --capture-props='media.class=Audio/Sink node.name=feed_headset audio.channels=1 audio.position=[MONO]' \
        --playback-props='media.class=Audio/Source node.name=headset_mic node.description="Headset Mic" audio.channels=1 audio.position=[MONO]' \
        >/dev/null 2>&1 &
    pids+=($!)
    # The speakers a call is heard on, as a desktop has them.
    pactl load-module module-null-sink sink_name=speakers \
        sink_properties=device.description=Speakers >/dev/null
    sleep 1
    pactl set-default-source headset_mic
    pactl set-default-sink speakers
    # The choice as the Devices panel saves it (the server's private HOME).
    local config="${XDG_CONFIG_HOME:-${HOME}/.config}/Tapedeck"
    mkdir -p "${config}"
    printf '[devices]\nhostApi=Sound server\ninput=headset_mic\nchannels=1\nalsoRecord=speakers.monitor\ninputLayout=split\n' \
        >"${config}/Tapedeck.conf"
    # A voice-like swell into the microphone; music-like chords from the computer.
    sox -q -n -r 48000 -c 1 "${run}/voice.wav" synth 30 sine 180 tremolo 0.6 80 vol 0.35
    sox -q -n -r 48000 -c 2 "${run}/music.wav" synth 30 sine 330 sine 495 tremolo 2 40 vol 0.5
    paplay --device=feed_headset "${run}/voice.wav" &
    pids+=($!)
    paplay --device=speakers "${run}/music.wav" &
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
