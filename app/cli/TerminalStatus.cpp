#include "app/cli/TerminalStatus.h"

#include "app/cli/UserMessages.h"
#include "core/dsp/Levels.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace tapedeck::cli {

TerminalStatus::TerminalStatus() : enabled_(UserMessages::isTerminal()) {}

TerminalStatus::~TerminalStatus() {
    if (shown_) {
        std::fputc('\n', UserMessages::stream());
    }
}

void TerminalStatus::noteLevels(const EngineEvent& levels) {
    loudest_.channels = levels.channels;
    for (int c = 0; c < levels.channels; ++c) {
        loudest_.peak[c] = std::max(loudest_.peak[c], levels.peak[c]);
    }
}

void TerminalStatus::show(double seconds, std::int64_t dropouts) {
    if (!enabled_) {
        return;
    }
    const int minutes = static_cast<int>(seconds) / 60;
    std::string line = "\r" + std::to_string(minutes) + ":";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%05.2f ", seconds - minutes * 60);
    line += buffer;
    for (int c = 0; c < loudest_.channels; ++c) {
        std::snprintf(buffer, sizeof buffer, " %6.1f dB", linearToDb(loudest_.peak[c]));
        line += buffer;
    }
    if (dropouts > 0) {
        line += "  dropouts: " + std::to_string(dropouts);
    }
    line += "   ";
    std::fputs(line.c_str(), UserMessages::stream());
    shown_ = true;
    loudest_ = EngineEvent{};
}

} // namespace tapedeck::cli
