#pragma once

#include <string>

namespace tapedeck::bench {

// Opens `path` through WaveformDocument into a 1920-pixel WaveformView (offscreen) and
// prints: time to format, to first pixels and to the complete overview, RSS with the file
// open, repaint times at several zooms, and reopen time from the cache. Needs a
// QApplication. `yardstickMs`: the plain int16 read + min/max of the same file, to print the
// overview's ratio to it. Returns false if the file can't be opened.
bool runViewBenchmark(const std::string& path, double yardstickMs);

} // namespace tapedeck::bench
