#!/usr/bin/env bash
# Checks Tapedeck's desktop integration and Debian package from an existing build:
#   1. the desktop file and the AppStream metainfo validate, the icons are all there;
#   2. CPack builds the .deb from BUILD_DIR, with the dependencies it must have;
#   3. apt-get installs it, then the installed tapedeck answers --version, lists the devices
#      of the private test sound server, records a take there, and the desktop file's Exec
#      opens that take in a window (under Xvfb) that is still up after a few seconds;
#   4. the package is removed again (also when a step fails).
#
# Usage: packaging/check-package.sh BUILD_DIR     e.g. packaging/check-package.sh build
# Runs as root (or with sudo), non-interactively; needs the --test packages of install-deps.sh.
# Leaves the .deb in BUILD_DIR/package/.
set -euo pipefail

readonly APP_ID="io.github.tapedeck.Tapedeck"
readonly PACKAGE="tapedeck"
readonly ICON_SIZES=(16 22 24 32 48 64 128 256 512)
# Libraries the binary links and run-time plugins it needs: each must be in Depends.
readonly REQUIRED_DEPENDS=(libasound2-plugins qt6-qpa-plugins libportaudio2 libsndfile1 libsoxr0
    librubberband2
    libqt6widgets6)
# The window must still be open after this long (it is then closed by `timeout`).
readonly WINDOW_SECONDS=4

if [ $# -ne 1 ] || [ ! -f "$1/CMakeCache.txt" ]; then
    echo "usage: $0 BUILD_DIR   (a configured Tapedeck build directory)" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

step() { echo "--- check-package: $*"; }
fail() {
    echo "check-package: FAILED: $*" >&2
    exit 1
}

work=$(mktemp -d)
installed_by_us=0
cleanup() {
    if [ "$installed_by_us" = 1 ]; then
        step "removing the package"
        "${sudo_cmd[@]}" apt-get purge -y -q "$PACKAGE" >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "validating the desktop file and the metainfo"
desktop_file="packaging/${APP_ID}.desktop"
metainfo_file="packaging/${APP_ID}.metainfo.xml"
desktop-file-validate "$desktop_file" || fail "$desktop_file does not validate"
appstreamcli validate --no-net "$metainfo_file" || fail "$metainfo_file does not validate"
grep -qx "Exec=tapedeck %F" "$desktop_file" || fail "$desktop_file: Exec must be 'tapedeck %F'"
grep -qx "Icon=${APP_ID}" "$desktop_file" || fail "$desktop_file: Icon must be ${APP_ID}"
grep -q "<id>${APP_ID}</id>" "$metainfo_file" || fail "$metainfo_file: id must be ${APP_ID}"

step "checking the icons"
[ -s "resources/icons/${APP_ID}.svg" ] || fail "resources/icons/${APP_ID}.svg is missing"
for size in "${ICON_SIZES[@]}"; do
    png="resources/icons/hicolor/${size}x${size}/${APP_ID}.png"
    file "$png" | grep -q "PNG image data, ${size} x ${size}," ||
        fail "$png is missing or not ${size}x${size} (run packaging/render-icons.sh)"
done

step "building and packaging ${build_dir}"
cmake --build "$build_dir" --target tapedeck
rm -rf "${build_dir}/package"
cpack --config "${build_dir}/CPackConfig.cmake" -G DEB -B "${build_dir}/package" >"$work/cpack.log" 2>&1 ||
    {
        cat "$work/cpack.log" >&2
        fail "cpack could not build the package"
    }
debs=("${build_dir}/package/${PACKAGE}"_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one ${PACKAGE}_*.deb in ${build_dir}/package"
fi
deb=${debs[0]}
depends=$(dpkg-deb --field "$deb" Depends)
echo "$(basename "$deb"): Depends: $depends"
for dependency in "${REQUIRED_DEPENDS[@]}"; do
    [[ ", $depends," == *", ${dependency}"[\ ,]* ]] || fail "Depends lacks ${dependency}"
done
dpkg-deb --contents "$deb" >"$work/contents"
for path in "./usr/bin/tapedeck" "./usr/share/applications/${APP_ID}.desktop" \
    "./usr/share/metainfo/${APP_ID}.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg" \
    "./usr/share/icons/hicolor/48x48/apps/${APP_ID}.png" \
    "./usr/share/dbus-1/services/${APP_ID}.service"; do
    grep -q " ${path}\$" "$work/contents" || fail "the package lacks ${path}"
done

step "installing $(basename "$deb")"
if dpkg-query -W -f '${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"; then
    fail "${PACKAGE} is already installed; remove it first (apt-get purge ${PACKAGE})"
fi
installed_by_us=1
# No recommends: the check must not change the machine's sound set-up (pipewire-alsa).
if ! "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
    # Package lists may be missing or stale on a fresh machine.
    "${sudo_cmd[@]}" apt-get update -q >/dev/null
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
        {
            cat "$work/apt.log" >&2
            fail "apt-get could not install the package"
        }
fi
binary=$(command -v tapedeck) || fail "tapedeck is not on PATH after installing"
[ "$binary" = /usr/bin/tapedeck ] || echo "note: tapedeck on PATH is $binary, checking /usr/bin/tapedeck"
binary=/usr/bin/tapedeck

step "smoke-running the installed tapedeck"
# The desktop starts the window through the session bus (DBusActivatable): the service file
# must name the installed window.
service_exec=$(sed -n 's/^Exec=//p' "/usr/share/dbus-1/services/${APP_ID}.service")
[ -x "$service_exec" ] || fail "the D-Bus service file's Exec ($service_exec) is not an executable"
version=$("$binary" --version)
echo "$version"
expected_version=$(dpkg-deb --field "$deb" Version)
[ "$version" = "tapedeck ${expected_version}" ] || fail "--version says '$version'"

# Inside the private sound server: list devices, record a take, open it the way a file manager
# does (the desktop file's Exec with %F replaced by the file).
exec_line=$(sed -n 's/^Exec=//p' "/usr/share/applications/${APP_ID}.desktop")
take="$work/take.wav"
cat >"$work/smoke.sh" <<EOF
set -euo pipefail
"$binary" --list-devices | tee "$work/devices.txt"
grep -q . "$work/devices.txt"
"$binary" --record "$take" --duration 1
"$binary" --info "$take"
set +e
xvfb-run -a -s "-screen 0 1024x768x24" timeout $WINDOW_SECONDS ${exec_line/\%F/\"$take\"} \
    2>"$work/window.log"
status=\$?
set -e
cat "$work/window.log" >&2
# 124: still running when timeout closed it, as a window should be.
if [ "\$status" -ne 124 ]; then
    echo "the desktop file's Exec ($exec_line) exited with \$status within ${WINDOW_SECONDS} s" >&2
    exit 1
fi
echo "window opened with ${exec_line/\%F/$take}"
EOF
tests/audio/with-sound-server.sh bash "$work/smoke.sh" || fail "the installed tapedeck failed against the test server"

step "removing the package"
"${sudo_cmd[@]}" apt-get purge -y -q "$PACKAGE" >/dev/null
installed_by_us=0
[ ! -e /usr/bin/tapedeck ] || fail "/usr/bin/tapedeck is still there after removing the package"
[ ! -e "/usr/share/applications/${APP_ID}.desktop" ] || fail "the desktop file is still there"
echo "check-package: OK ($(basename "$deb"))"
