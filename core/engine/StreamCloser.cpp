#include "core/engine/StreamCloser.h"

#include "core/engine/StreamRegistry.h"

#include <condition_variable>
#include <mutex>
#include <portaudio.h>
#include <thread>

namespace tapedeck {

namespace {
struct CloseRequest {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
};
} // namespace

bool closeStream(PaStream* stream, StopMode mode, std::shared_ptr<void> keepAlive,
                 std::chrono::milliseconds timeout) {
    if (stream == nullptr) {
        return true;
    }
    auto request = std::make_shared<CloseRequest>();
    std::thread([stream, mode, request, keepAlive = std::move(keepAlive)] {
        if (mode == StopMode::Abort) {
            Pa_AbortStream(stream);
        } else {
            Pa_StopStream(stream);
        }
        Pa_CloseStream(stream);
        StreamRegistry::instance().closed();
        {
            std::lock_guard lock(request->mutex);
            request->finished = true;
        }
        request->done.notify_all();
    }).detach();

    std::unique_lock lock(request->mutex);
    if (request->done.wait_for(lock, timeout, [&] { return request->finished; })) {
        return true;
    }
    StreamRegistry::instance().abandoned();
    return false;
}

} // namespace tapedeck
