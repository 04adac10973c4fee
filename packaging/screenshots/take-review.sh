#!/usr/bin/env bash
# Takes the README's screenshot of reviewing takes: the takes list (F9) beside an open take
# with a selection, on the private test sound server under Xvfb. The takes are made here
# (tones with a speech-like rhythm). Needs a build and the test packages
# (packaging/install-deps.sh --test).
#
#   packaging/screenshots/take-review.sh BUILD_DIR OUTPUT.png
set -euo pipefail

# Runs inside the sound server and the X server: the takes, the window, the picture.
inner() {
    local build=$1 output=$2
    local folder="${HOME}/Music/Tapedeck"
    mkdir -p "${folder}" "${XDG_CONFIG_HOME}/Tapedeck"
    python3 - "${folder}" <<'PY'
import math, os, random, struct, sys, time, wave
folder = sys.argv[1]
now = time.time()
# Takes named after the moment they started, as Tapedeck names them, an hour apart.
when = [now - 3600 * (5 - i) for i in range(5)]
def stamp(t):
    return time.strftime("Take %Y-%m-%d %H-%M-%S.wav", time.localtime(t))
takes = [(stamp(when[0]), 14, 1), ("Interview, part 1.wav", 48, 2), (stamp(when[2]), 9, 3),
         ("Interview, part 2.wav", 33, 4), (stamp(when[4]), 22, 5)]
rate = 48000
for i, (name, seconds, seed) in enumerate(takes):
    rng = random.Random(seed)
    # Syllables of uneven loudness and length, in phrases with pauses between them.
    syllables, t = [], 1.0
    while t < seconds - 1.5:
        for _ in range(rng.randint(4, 12)):
            length = rng.uniform(0.12, 0.3)
            syllables.append((t, length, rng.uniform(0.15, 0.75)))
            t += length + rng.uniform(0.02, 0.1)
        t += rng.uniform(0.4, 1.4)
    samples = [0.0] * (seconds * rate)
    for start, length, level in syllables:
        pitch = rng.uniform(110, 220)
        first, count = int(start * rate), int(length * rate)
        for n in range(count):
            if first + n >= len(samples):
                break
            x = n / rate
            env = math.sin(math.pi * n / count) ** 2
            samples[first + n] += level * env * (math.sin(2 * math.pi * pitch * x) +
                                                 0.5 * math.sin(4 * math.pi * pitch * x) +
                                                 0.25 * math.sin(6 * math.pi * pitch * x)) / 1.75
    path = os.path.join(folder, name)
    with wave.open(path, "wb") as w:
        w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate)
        frames = bytearray()
        for x in samples:
            v = int(max(-1.0, min(1.0, x + rng.gauss(0, 0.003))) * 32767)
            frames += struct.pack("<hh", v, v)
        w.writeframes(bytes(frames))
    os.utime(path, (when[i], when[i]))
PY
    printf '[recording]\nfolder=%s\n' "${folder}" > "${XDG_CONFIG_HOME}/Tapedeck/Tapedeck.conf"
    "${build}/app/tapedeck" "${folder}/Interview, part 1.wav" &
    local app=$!
    sleep 3
    local window
    window=$(xdotool search --sync --onlyvisible --name "Tapedeck" | head -1)
    xdotool windowsize "${window}" 1280 720
    xdotool windowfocus "${window}" 2>/dev/null || true
    sleep 1
    xdotool key F9 # the takes list
    sleep 1
    # A selection over a phrase in the middle of the waveform.
    xdotool mousemove 640 260 mousedown 1 mousemove 700 262 mousemove 790 264 mouseup 1
    sleep 1
    import -window root "${output}"
    kill "${app}" 2>/dev/null || true
}
if [ "${1:-}" = "--inner" ]; then
    shift
    inner "$@"
    exit 0
fi
script=$(realpath "$0")
build=$(realpath "$1") output=$(realpath -m "$2")
cd "$(dirname "${script}")/../.."
tests/audio/with-sound-server.sh xvfb-run -a -s "-screen 0 1280x720x24" \
    "${script}" --inner "${build}" "${output}"
