#pragma once

namespace tapedeck {

// Silences file descriptor 2 for its lifetime. PortAudio's JACK and ALSA back ends print
// probing noise ("jack server is not running …") while scanning; the command line promises
// one clear line on errors, so the scan runs inside this. Control thread, during a scan only.
class QuietStderr {
public:
    QuietStderr();
    ~QuietStderr();
    QuietStderr(const QuietStderr&) = delete;

    // True when TAPEDECK_DEBUG_AUDIO is exactly "1": the user asked to see the back ends'
    // messages. Any other value, 0 included, keeps them quiet. Any thread.
    static bool debugRequested();

    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int saved_ = -1;
};

} // namespace tapedeck
