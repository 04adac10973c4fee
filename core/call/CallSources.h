#pragma once

#include "core/recording/InputLayout.h"

#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

// How a two-input take names its inputs in the file: bext's description and the comment
// (LIST/INFO ICMT in a WAV, COMMENT in FLAC and Ogg) read
//   "Left: Headset Mic; right: Speakers (what the computer plays)"   (split)
//   "Mix: Headset Mic + Speakers (what the computer plays)"          (mix)
// and the marker at the moment one input was lost. Any thread.
std::string describeCallSources(const std::string& first, const std::string& second,
                                InputLayout layout);

// Which input each of the file's channels came from, read back from such a comment: one text
// per channel ("Headset Mic", or "Headset Mic + Speakers" for a mix); empty when the comment
// is not one.
std::vector<std::string> channelSourcesFromComment(const std::string& comment);

// The same read from the file at `path` (any format libsndfile reads); empty when it has none.
// Any thread but the audio thread (opens the file).
std::vector<std::string> readChannelSources(const std::string& path);

// "Lost: Headset Mic".
std::string lostInputMarkerName(const std::string& inputName);

} // namespace tapedeck
