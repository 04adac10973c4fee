#pragma once

#include "core/io/FileFormat.h"
#include "core/markers/Marker.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tapedeck {

// What the recorder tells its journal about a take. Plain data, filled in by the caller.
struct JournalEntry {
    std::string takePath;   // the take file, as given to the recorder
    std::string hostApi;    // the input device's host API, e.g. "ALSA"
    std::string deviceName; // the input device's name
    int sampleRate = 0;
    int channels = 0;
    FileFormat format = FileFormat::Wav24;
};

// A journal as found on disk: the entry, and what RecordingJournal::begin added to it.
struct JournalRecord {
    JournalEntry entry;
    int version = 0;
    std::string startTime;              // ISO 8601, UTC, e.g. "2024-05-01T09:30:00Z"
    std::int64_t pid = 0;               // the recording process
    std::int64_t processStartTicks = 0; // its start time (/proc/PID/stat), against PID reuse
    std::string bootId;                 // /proc/sys/kernel/random/boot_id at the time
    std::vector<Marker> markers;        // added during the take, in file frames
};

} // namespace tapedeck
