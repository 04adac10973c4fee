#include "core/engine/RealtimeScope.h"

namespace tapedeck::realtime {

namespace {
thread_local bool inCallback = false;
}

bool isInCallback() noexcept {
    return inCallback;
}

CallbackScope::CallbackScope() noexcept {
    inCallback = true;
}

CallbackScope::~CallbackScope() {
    inCallback = false;
}

} // namespace tapedeck::realtime
