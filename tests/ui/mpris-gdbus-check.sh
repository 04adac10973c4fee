#!/usr/bin/env bash
# The issue's own check, on the real window: `gdbus call` (libglib2.0-bin) plays, pauses,
# seeks and changes the rate of a running tapedeck-window over MPRIS, then quits it.
# Run inside tests/audio/with-sound-server.sh (its private session bus, sound server and home).
# Usage: mpris-gdbus-check.sh TAPEDECK_WINDOW
set -uo pipefail

readonly WAIT_S=30
readonly POLL_S=0.1
readonly FILE_SECONDS=5
readonly FRAME_US=21 # one frame at 48 kHz: positions go through frames and back

window_binary=${1:?usage: mpris-gdbus-check.sh TAPEDECK_WINDOW}
if [[ -z ${TAPEDECK_SOUND_SERVER_DIR:-} ]]; then
    echo "mpris-gdbus-check: run inside tests/audio/with-sound-server.sh" >&2
    exit 1
fi
command -v gdbus >/dev/null || { echo "FAIL: gdbus is needed (package libglib2.0-bin)"; exit 1; }

work=$(mktemp -d)
window_pid=""
cleanup() {
    [[ -n ${window_pid} ]] && kill "${window_pid}" 2>/dev/null && wait "${window_pid}" 2>/dev/null
    rm -rf -- "${work}"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    echo "--- window's output:"
    cat "${work}/window.log"
    exit 1
}

mpris=(--session --dest org.mpris.MediaPlayer2.tapedeck --object-path /org/mpris/MediaPlayer2)
player=org.mpris.MediaPlayer2.Player
call() { gdbus call "${mpris[@]}" --method "$@"; }
get() { call org.freedesktop.DBus.Properties.Get "${player}" "$1"; }
number() { get "$1" | grep -oE '[0-9]+>' | tr -d '>'; } # (<int64 681375>,) -> 681375
# Polls until `get NAME` contains TEXT, or fails after WAIT_S.
wait_for() {
    local name=$1 text=$2 deadline=$((SECONDS + WAIT_S))
    until get "${name}" 2>/dev/null | grep -qF -- "${text}"; do
        ((SECONDS < deadline)) || fail "${name} never showed ${text} (last: $(get "${name}" 2>&1))"
        sleep "${POLL_S}"
    done
}

sox -q -n -r 48000 -c 2 -b 16 "${work}/tone.wav" synth "${FILE_SECONDS}" sine 440 vol 0.2 ||
    fail "sox could not make the test file"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "${window_binary}" "${work}/tone.wav" \
    >"${work}/window.log" 2>&1 &
window_pid=$!

# The window goes on the bus after its first paint; the file's length is known once its
# player (or its header) has been read.
wait_for Metadata "'mpris:length': <int64 $((FILE_SECONDS * 1000000))>"
get Metadata | grep -qF "'xesam:title': <'tone'>" || fail "the title is not the file's name"
wait_for PlaybackStatus "'Stopped'"

call ${player}.Play >/dev/null || fail "Play was refused"
[[ $(get PlaybackStatus) == *"'Playing'"* ]] || fail "Play did not play: $(get PlaybackStatus)"
call ${player}.Pause >/dev/null || fail "Pause was refused"
[[ $(get PlaybackStatus) == *"'Paused'"* ]] || fail "Pause did not pause: $(get PlaybackStatus)"

before=$(number Position)
call ${player}.Seek 2000000 >/dev/null || fail "Seek was refused"
after=$(number Position)
moved=$((after - before - 2000000))
((moved >= -FRAME_US && moved <= FRAME_US)) || fail "Seek +2 s moved from ${before} to ${after}"

call org.freedesktop.DBus.Properties.Set ${player} Rate '<1.5>' >/dev/null ||
    fail "setting Rate was refused"
[[ $(get Rate) == *"1.5"* ]] || fail "Rate is $(get Rate) after setting 1.5"

call org.mpris.MediaPlayer2.Quit >/dev/null || fail "Quit was refused"
deadline=$((SECONDS + WAIT_S))
while kill -0 "${window_pid}" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "the window did not quit"
    sleep "${POLL_S}"
done
wait "${window_pid}"
status=$?
window_pid=""
((status == 0)) || fail "the window exited with ${status}"
echo "gdbus call played, paused, sought and changed the rate of the window, and quit it."
