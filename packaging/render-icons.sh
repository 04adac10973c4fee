#!/usr/bin/env bash
# Renders the application icon's PNG sizes for the hicolor theme from the SVG.
# The PNGs are committed, so a build needs no SVG renderer; run this after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
app_id=io.github.tapedeck.Tapedeck
sizes=(16 22 24 32 48 64 128 256 512) # keep in step with packaging/CMakeLists.txt
for size in "${sizes[@]}"; do
    mkdir -p "hicolor/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" --output "hicolor/${size}x${size}/${app_id}.png" \
        "${app_id}.svg"
done
echo "rendered ${app_id}.png at ${sizes[*]} pixels"
