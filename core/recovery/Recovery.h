#pragma once

#include "core/base/Result.h"
#include "core/recovery/JournalEntry.h"
#include "core/recovery/TakeRepair.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tapedeck {

// A take whose recording journal was left behind: the recorder did not stop cleanly.
struct UnfinishedTake {
    std::string journalPath;
    std::string takePath;                 // the file beside the journal
    std::optional<JournalRecord> journal; // empty if the journal itself is damaged
};

struct RecoveredTake {
    std::string takePath;
    RepairMethod method = RepairMethod::AlreadyWhole;
    std::int64_t frames = 0;
    int sampleRate = 0;

    double seconds() const {
        return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0;
    }
};

// Finds and repairs takes that a crash, a kill or a power cut left unfinished. File I/O: a
// worker or command-line thread, never the GUI or audio thread.
class Recovery {
public:
    // The unfinished takes in `folder` (not its subfolders), sorted by path. A journal
    // whose recording process is still running (same boot, same PID and process start
    // time) belongs to a take in progress and is skipped. Errors: FileNotFound (no such
    // folder), FileUnreadable.
    static Result<std::vector<UnfinishedTake>> findUnfinishedTakes(const std::string& folder);

    // Repairs the take (see repairTakeFile) and then removes its journal. A take whose file
    // is gone only loses its journal. On error the journal stays, so recovery can be tried
    // again.
    static Result<RecoveredTake> recoverTake(const UnfinishedTake& take);

    // Whether the process that wrote this journal is still running.
    static bool isStillRecording(const JournalRecord& journal);
};

} // namespace tapedeck
