#pragma once

#include "app/cli/CommandLine.h"

namespace tapedeck::cli {

// Each returns the process exit code: 0 on success; 1 with one clear line on stderr on
// failure. Main thread; no display needed.
int listDevices(const CommandLine& commandLine);
int record(const CommandLine& commandLine);
int play(const CommandLine& commandLine);
int info(const CommandLine& commandLine);
// Repairs every unfinished take in commandLine.file (a folder), one line per take.
int recover(const CommandLine& commandLine);
// Writes a span of commandLine.file to the new file commandLine.exportTo (never over an
// existing one), sample for sample.
int exportSpan(const CommandLine& commandLine);

// Prints "tapedeck: MESSAGE" on stderr and returns 1.
int fail(const std::string& message);

} // namespace tapedeck::cli
