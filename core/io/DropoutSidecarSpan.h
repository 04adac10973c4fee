#pragma once

#include <cstdint>
#include <string>

namespace tapedeck {

// Carries a take's dropout sidecar ("<take>.dropouts", see DropoutLog) over to a span of it
// written as a new file: the dropouts inside [from, to), moved so that `from` is frame 0, in
// "<destination>.dropouts". Nothing is written when none fall inside, and an existing sidecar
// is never written over. Returns how many were carried. File I/O: the exporter's thread.
int carryDropoutSidecar(const std::string& sourceTake, const std::string& destinationTake,
                        std::int64_t from, std::int64_t to, int sampleRate);

} // namespace tapedeck
