#!/usr/bin/env bash
# Checks the house rules that keep the code easy to find and to hold in one's head:
# files under 600 lines, folders of at most 24 sources, a README.md in every folder,
# includes only downwards (app -> ui -> core), and a command line that links no Qt.
# Usage: check-layout.sh SOURCE_DIR [TAPEDECK_BINARY]
set -uo pipefail
cd "$1" || exit 1
binary=${2:-}
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

max_lines=600
max_sources=24
while IFS= read -r file; do
    lines=$(wc -l <"$file")
    [ "$lines" -le "$max_lines" ] || fail "$file has $lines lines (at most $max_lines): split it by responsibility"
done < <(find app core ui -name '*.h' -o -name '*.cpp')

while IFS= read -r dir; do
    sources=$(find "$dir" -maxdepth 1 \( -name '*.h' -o -name '*.cpp' \) | wc -l)
    [ "$sources" -eq 0 ] && continue
    [ "$sources" -le "$max_sources" ] || fail "$dir holds $sources source files (at most $max_sources)"
    [ -f "$dir/README.md" ] || fail "$dir has no README.md"
done < <(find app core ui -type d)

upward=$(grep -rnE '#include ["<](ui|app)/|#include <Q' core)
[ -z "$upward" ] || fail "core/ must not include Qt, ui/ or app/:"$'\n'"$upward"
upward=$(grep -rnE '#include "app/' ui)
[ -z "$upward" ] || fail "ui/ must not include app/:"$'\n'"$upward"
qt_in_cli=$(grep -rnE '#include ["<](ui/|Q)' app/cli app/main.cpp)
[ -z "$qt_in_cli" ] || fail "the command line must not include Qt or ui/:"$'\n'"$qt_in_cli"

if [ -n "$binary" ]; then
    linked=$(ldd "$binary" | grep -i 'libQt')
    [ -z "$linked" ] || fail "$binary links Qt:"$'\n'"$linked"
fi

if [ "$failures" -eq 0 ]; then
    echo "The layout keeps the house rules."
fi
exit $((failures > 0))
