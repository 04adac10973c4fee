#!/usr/bin/env bash
# Installs every Debian 12 package Tapedeck needs to build, run and test.
# Usage: packaging/install-deps.sh [--test]   (--test adds the headless sound server and X tools)
set -euo pipefail

build_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev
    portaudio19-dev libsndfile1-dev libflac-dev libsoxr-dev libreaderwriterqueue-dev libpulse-dev
    librubberband-dev libebur128-dev nlohmann-json3-dev libcli11-dev
    libasound2-plugins
    libtag1-dev
    libsystemd-dev
    qt6-tools-dev qt6-l10n-tools
)
test_packages=(
    pipewire pipewire-bin pipewire-pulse wireplumber dbus-daemon pulseaudio-utils
    xvfb xauth x11-apps imagemagick xdotool procps python3
    clang libclang-rt-14-dev
    desktop-file-utils appstream dpkg-dev file
    sox alsa-utils
    libglib2.0-bin
    at-spi2-core python3-pyatspi
)

packages=("${build_packages[@]}")
if [ "${1:-}" = "--test" ]; then
    packages+=("${test_packages[@]}")
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
