#include "app/awake/LogindSleepLock.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

namespace tapedeck::awake {

namespace {
// A logind that does not answer within this is treated as absent (sd-bus waits 25 s by
// default; a scheduled take should not start that late).
constexpr std::uint64_t kCallTimeoutMicroseconds = 5'000'000;

// Asks for the inhibitor; returns our own descriptor, or -1 with `why` saying what failed.
int askLogind(const std::string& reason, std::string& why) {
    sd_bus* bus = nullptr;
    int result = sd_bus_open_system(&bus);
    if (result < 0) {
        why = std::string("no system bus: ") + std::strerror(-result);
        return -1;
    }
    sd_bus_set_method_call_timeout(bus, kCallTimeoutMicroseconds);
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message* reply = nullptr;
    result = sd_bus_call_method(bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                                "org.freedesktop.login1.Manager", "Inhibit", &error, &reply, "ssss",
                                "sleep", "Tapedeck", reason.c_str(), "block");
    int held = -1;
    if (result < 0) {
        why = error.message != nullptr ? error.message : std::strerror(-result);
    } else {
        int descriptor = -1;
        // The reply owns `descriptor`: keep a copy of our own that outlives it.
        if (sd_bus_message_read(reply, "h", &descriptor) >= 0 && descriptor >= 0) {
            held = fcntl(descriptor, F_DUPFD_CLOEXEC, 3);
        }
        if (held < 0) {
            why = "logind's answer held no inhibitor";
        }
    }
    sd_bus_error_free(&error);
    sd_bus_message_unref(reply);
    sd_bus_flush_close_unref(bus);
    return held;
}
} // namespace

LogindSleepLock::LogindSleepLock(const std::string& reason) {
    descriptor_ = askLogind(reason, problem_);
}

LogindSleepLock::~LogindSleepLock() {
    if (descriptor_ >= 0) {
        close(descriptor_);
    }
}

} // namespace tapedeck::awake
