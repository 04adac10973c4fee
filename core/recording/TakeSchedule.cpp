#include "core/recording/TakeSchedule.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>

namespace tapedeck {

namespace {

// A number at `text[pos]` (digits with an optional fraction, no sign); advances pos.
bool readNumber(const std::string& text, std::size_t& pos, double& out) {
    std::size_t end = pos;
    while (end < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '.')) {
        ++end;
    }
    if (end == pos) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + end, out);
    if (ec != std::errc() || ptr != text.data() + end) {
        return false;
    }
    pos = end;
    return true;
}

// Exactly `digits` digits at text[pos]; advances pos.
bool readDigits(const std::string& text, std::size_t& pos, int digits, int& out) {
    if (pos + digits > text.size()) {
        return false;
    }
    out = 0;
    for (int i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        out = out * 10 + (c - '0');
    }
    pos += digits;
    return true;
}

bool readChar(const std::string& text, std::size_t& pos, char expected) {
    if (pos < text.size() && text[pos] == expected) {
        ++pos;
        return true;
    }
    return false;
}

} // namespace

std::optional<double> parseDuration(const std::string& text) {
    std::size_t pos = 0;
    double value = 0;
    if (!readNumber(text, pos, value)) {
        return std::nullopt;
    }
    double seconds = 0;
    if (pos == text.size()) {
        seconds = value; // plain seconds, as --duration always took
    } else {
        const std::string units = "hms";
        const double unitSeconds[] = {3600, 60, 1};
        std::size_t nextUnit = 0; // units come in order, each once
        while (true) {
            const std::size_t unit = pos < text.size() ? units.find(text[pos]) : std::string::npos;
            if (unit == std::string::npos || unit < nextUnit) {
                return std::nullopt;
            }
            seconds += value * unitSeconds[unit];
            nextUnit = unit + 1;
            if (++pos == text.size()) {
                break;
            }
            if (!readNumber(text, pos, value)) {
                return std::nullopt;
            }
        }
    }
    if (!std::isfinite(seconds) || seconds <= 0) {
        return std::nullopt;
    }
    return seconds;
}

std::optional<std::chrono::system_clock::time_point>
parseStartTime(const std::string& text, std::chrono::system_clock::time_point now) {
    std::tm wanted{};
    std::size_t pos = 0;
    const bool hasDate = text.size() > 10 && (text[10] == 'T' || text[10] == ' ');
    if (hasDate) {
        int year = 0;
        int month = 0;
        if (!readDigits(text, pos, 4, year) || !readChar(text, pos, '-') ||
            !readDigits(text, pos, 2, month) || !readChar(text, pos, '-') ||
            !readDigits(text, pos, 2, wanted.tm_mday)) {
            return std::nullopt;
        }
        ++pos; // 'T' or ' '
        wanted.tm_year = year - 1900;
        wanted.tm_mon = month - 1;
    } else {
        // Today, as the local calendar has it now.
        const std::time_t nowSeconds = std::chrono::system_clock::to_time_t(now);
        std::tm today{};
        localtime_r(&nowSeconds, &today);
        wanted.tm_year = today.tm_year;
        wanted.tm_mon = today.tm_mon;
        wanted.tm_mday = today.tm_mday;
    }
    if (!readDigits(text, pos, 2, wanted.tm_hour) || !readChar(text, pos, ':') ||
        !readDigits(text, pos, 2, wanted.tm_min)) {
        return std::nullopt;
    }
    if (readChar(text, pos, ':') && !readDigits(text, pos, 2, wanted.tm_sec)) {
        return std::nullopt;
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    std::tm normalized = wanted;
    normalized.tm_isdst = -1; // the local rule of that day, summer time or not
    const std::time_t moment = std::mktime(&normalized);
    // mktime carries 25:00 into the next day and February 30 into March: such a time, or one a
    // change to summer time skips, does not exist, and guessing what was meant could start a
    // take at the wrong hour.
    if (moment == -1 || normalized.tm_year != wanted.tm_year ||
        normalized.tm_mon != wanted.tm_mon || normalized.tm_mday != wanted.tm_mday ||
        normalized.tm_hour != wanted.tm_hour || normalized.tm_min != wanted.tm_min ||
        normalized.tm_sec != wanted.tm_sec) {
        return std::nullopt;
    }
    return std::chrono::system_clock::from_time_t(moment);
}

std::string localTimeText(std::chrono::system_clock::time_point moment) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(moment);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

std::string waitText(std::chrono::system_clock::duration wait) {
    using namespace std::chrono;
    const auto total = std::max<long long>(
        0, duration_cast<seconds>(wait + seconds(1) - system_clock::duration(1)).count());
    const long long hours = total / 3600;
    const long long minutes = total / 60 % 60;
    const long long secs = total % 60;
    std::string text;
    if (hours > 0) {
        text += std::to_string(hours) + " h ";
    }
    if (hours > 0 || minutes > 0) {
        text += std::to_string(minutes) + " min ";
    }
    return text + std::to_string(secs) + " s";
}

} // namespace tapedeck
