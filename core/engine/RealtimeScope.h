#pragma once

namespace tapedeck::realtime {

// Marks the thread as running our audio callback for as long as the scope lives. Tests use
// isInCallback() in a replaced operator new to prove the callback never allocates.
// Real-time safe: a thread_local flag, nothing else.
bool isInCallback() noexcept;

class CallbackScope {
public:
    CallbackScope() noexcept;
    ~CallbackScope();
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;
};

} // namespace tapedeck::realtime
