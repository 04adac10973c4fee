#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace tapedeck {

// The start time and length of a scheduled take, read as a person writes them (the command
// line's --start-at and --duration). Pure functions: any thread.

// --duration: "90s", "45m", "1h30m", "1h", or plain seconds ("600", "2.5"). Units come in
// the order h, m, s, each at most once, and each may have a fraction ("1.5h"). Returns
// seconds, or nothing when the text is not a length or is not greater than 0.
std::optional<double> parseDuration(const std::string& text);

// --start-at: "HH:MM" or "HH:MM:SS" today, or an ISO 8601 local date and time,
// "2026-12-04T14:30", "2026-12-04 14:30:15". `now` says which day "today" is. Returns the
// moment, or nothing when the text is not such a time (or names one that does not exist, such
// as 25:00, February 30 or an hour skipped by a change to summer time).
std::optional<std::chrono::system_clock::time_point>
parseStartTime(const std::string& text, std::chrono::system_clock::time_point now);

// "2026-12-04 14:30:00", local time: how the command line shows a start time.
std::string localTimeText(std::chrono::system_clock::time_point moment);

// "1 h 2 min 5 s", "45 s": a wait, rounded up to the second.
std::string waitText(std::chrono::system_clock::duration wait);

} // namespace tapedeck
