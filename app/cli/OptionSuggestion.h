#pragma once

#include <string>

namespace CLI {
class App;
}

namespace tapedeck::cli {

// The long option closest to a mistyped one ("--jsn", "-info", "--Record"), or "" when none is
// close: up to one edit in three letters, and never more than two, so that a name which is
// merely short (--to) is not offered for every short mistake. Main thread.
std::string closestOption(const CLI::App& app, const std::string& unknown);

} // namespace tapedeck::cli
