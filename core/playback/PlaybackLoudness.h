#pragma once

#include "core/loudness/LoudnessSource.h"
#include "core/loudness/PublishedLoudness.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace tapedeck {

// The loudness of a file while it plays, lined up with what is heard: a thread of its own
// reads the file (through a handle of its own) up to the frame being heard and measures the
// momentary and short-term loudness there. The player's disk reader cannot do it: it runs up
// to two seconds ahead of the speakers. A jump (a seek, a loop, a click in the waveform)
// restarts the measurement three seconds before the new position, so the short-term figure
// is right at once. In the time left over, the thread measures the whole file's integrated
// loudness, shown once it is done. The audio thread does no work for any of it.
class PlaybackLoudness final : public LoudnessSource {
public:
    // Any thread. The file is opened on the measuring thread, so the caller does no file
    // I/O. A file that cannot be read or measured shows no figures (the player says why).
    explicit PlaybackLoudness(std::string path);
    ~PlaybackLoudness() override; // stops and joins the measuring thread
    PlaybackLoudness(const PlaybackLoudness&) = delete;
    PlaybackLoudness& operator=(const PlaybackLoudness&) = delete;

    // Any thread (the GUI thread, at each position update): the file frame heard now. Never
    // waits for a measurement, only for the measuring thread to take the number.
    void follow(std::int64_t heardFrame);

    Figures figures() const override; // any thread
    // Any thread: the whole file's integrated loudness has been measured.
    bool wholeFileMeasured() const { return wholeFileMeasured_.load(std::memory_order_acquire); }
    const std::string& path() const { return path_; }

    static constexpr double kShortTermSeconds = 3.0;

private:
    void run(); // the measuring thread

    const std::string path_;
    PublishedLoudness published_;
    std::atomic<bool> wholeFileMeasured_{false};

    std::mutex mutex_; // guards target_ and stop_ only; never held while reading the file
    std::condition_variable wake_;
    std::int64_t target_ = -1;
    bool stop_ = false;
    std::thread thread_; // last: starts once everything above exists
};

} // namespace tapedeck
