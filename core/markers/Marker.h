#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// A named position in a take, in the file's frames (the first frame of the file is 0).
struct Marker {
    std::int64_t frame = 0;
    std::string name;

    friend bool operator==(const Marker&, const Marker&) = default;
};

// The name of the marker the recorder puts where a paused take resumes.
inline constexpr const char* kPausedMarkerName = "Paused";
// The name of the marker the recorder puts at a take's first clipped sample.
inline constexpr const char* kClipMarkerName = "Clip";

} // namespace tapedeck
