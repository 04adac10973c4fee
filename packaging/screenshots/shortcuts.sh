#!/usr/bin/env bash
# Takes the README's Help › Keyboard Shortcuts screenshot (opened with F1), on the private
# test sound server under Xvfb. Needs a build and the test packages
# (packaging/install-deps.sh --test).
#
#   packaging/screenshots/shortcuts.sh BUILD_DIR OUTPUT.png
set -euo pipefail

inner() {
    local build=$1 output=$2
    "${build}/app/tapedeck" &
    local pid=$!
    sleep 3
    xdotool search --sync --onlyvisible --name "^Tapedeck" windowfocus --sync >/dev/null
    xdotool key F1
    sleep 1.5
    import -window "$(xdotool search --sync --onlyvisible --name '^Keyboard Shortcuts' | head -1)" \
        "${output}"
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
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
