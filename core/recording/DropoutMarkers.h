#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// Reads the frames of a take's dropout sidecar ("<take>.dropouts", written by the recorder's
// DropoutLog: a '#' header line, then "frame\tseconds\tlost frames\tkind" per dropout).
// Returns the frames in file order, sorted; empty when there is no sidecar. Lines that do
// not start with a frame number are skipped. File I/O: a worker thread, never the GUI thread.
std::vector<std::int64_t> readDropoutMarkers(const std::string& takePath);

// The same, from the sidecar's text. Pure; any thread.
std::vector<std::int64_t> parseDropoutMarkers(const std::string& text);

} // namespace tapedeck
