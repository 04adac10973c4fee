#pragma once

#include <string>

namespace tapedeck::bench {

// Opens `path` through WaveformDocument into a 1920-pixel WaveformView (offscreen) and
// prints: time to format, to first pixels and to the complete overview, RSS with the file
// open, repaint times at several zooms, and reopen time from the cache. Needs a
// QApplication. Returns false if the file can't be opened.
bool runViewBenchmark(const std::string& path);

} // namespace tapedeck::bench
