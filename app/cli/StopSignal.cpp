#include "app/cli/StopSignal.h"

#include <csignal>

namespace tapedeck::cli {

namespace {
volatile std::sig_atomic_t stopRequested = 0;

extern "C" void onStopSignal(int /*signal*/) {
    stopRequested = 1;
}
} // namespace

void StopSignal::install() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool StopSignal::received() {
    return stopRequested != 0;
}

} // namespace tapedeck::cli
