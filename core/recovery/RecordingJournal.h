#pragma once

#include "core/base/Result.h"
#include "core/recovery/JournalEntry.h"

#include <string>

namespace tapedeck {

// A small text file beside a take while it records ("take.wav.tapedeck-journal", key=value
// lines), synced to disk before the first sample is. A clean stop removes it with finish();
// anything else (crash, kill -9, power cut) leaves it, and Recovery finds and repairs the
// take later. The destructor never removes the journal: only finish() says the take ended
// cleanly. Control thread (the one that starts and stops the take). Movable, not copyable.
class RecordingJournal {
public:
    static constexpr const char* kSuffix = ".tapedeck-journal";
    static constexpr int kVersion = 1;

    // Writes and syncs the journal of `entry.takePath` (replacing a stale one), adding the
    // version, start time, PID and boot identity. Errors: InvalidArgument (no take path),
    // Unwritable (the folder cannot be written).
    static Result<RecordingJournal> begin(const JournalEntry& entry);
    // Parses a journal file. Errors: FileNotFound, FileUnreadable (not a journal).
    static Result<JournalRecord> read(const std::string& journalPath);
    // "take.wav" → "take.wav.tapedeck-journal".
    static std::string pathFor(const std::string& takePath);

    RecordingJournal() = default; // holds no journal; finish() does nothing
    RecordingJournal(RecordingJournal&& other) noexcept;
    RecordingJournal& operator=(RecordingJournal&& other) noexcept;
    RecordingJournal(const RecordingJournal&) = delete;
    RecordingJournal& operator=(const RecordingJournal&) = delete;
    ~RecordingJournal() = default; // leaves the journal on disk on purpose

    // Appends a marker (a "marker=FRAME NAME" line) and syncs it, so a crash keeps it.
    // Errors: WriteFailed.
    Status addMarker(const Marker& marker);
    // The same for the journal at `journalPath`, from any one thread at a time (the disk
    // thread of the take: a sync may take long, and never on the GUI thread).
    static Status appendMarker(const std::string& journalPath, const Marker& marker);

    // After a clean stop, once the take file is closed: removes the journal (and syncs the
    // folder). Calling it again, or on an empty journal, does nothing. Errors: WriteFailed.
    Status finish();

    bool isOpen() const { return !path_.empty(); }
    const std::string& path() const { return path_; }
    const JournalRecord& record() const { return record_; }

private:
    RecordingJournal(std::string path, JournalRecord record);

    std::string path_;
    JournalRecord record_;
};

} // namespace tapedeck
