#include "core/recovery/Recovery.h"

#include "core/markers/TakeMarkers.h"
#include "core/recovery/RecordingJournal.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace tapedeck {

namespace {

std::string readLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::int64_t startTicksOf(std::int64_t pid) {
    const std::string stat = readLine("/proc/" + std::to_string(pid) + "/stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
        return -1;
    }
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
        if (i == 3 && field == "Z") {
            return -1; // exited, not yet reaped
        }
        if (i == 22) {
            std::int64_t ticks = -1;
            const auto [ptr, err] =
                std::from_chars(field.data(), field.data() + field.size(), ticks);
            return err == std::errc() ? ticks : -1;
        }
    }
    return -1;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool Recovery::isStillRecording(const JournalRecord& journal) {
    if (journal.pid <= 0) {
        return false;
    }
    if (!journal.bootId.empty() && journal.bootId != readLine("/proc/sys/kernel/random/boot_id")) {
        return false; // written before the last reboot
    }
    const std::int64_t ticks = startTicksOf(journal.pid);
    if (ticks < 0) {
        return false;
    }
    // A different start time: the PID now belongs to another process.
    return journal.processStartTicks == 0 || ticks == journal.processStartTicks;
}

Result<std::vector<UnfinishedTake>> Recovery::findUnfinishedTakes(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return Error{ErrorCode::FileNotFound, "The folder " + folder + " does not exist."};
    }
    fs::directory_iterator it(folder, ec);
    if (ec) {
        return Error{ErrorCode::FileUnreadable,
                     "Cannot read the folder " + folder + ": " + ec.message() + "."};
    }
    const std::string suffix = RecordingJournal::kSuffix;
    std::vector<UnfinishedTake> takes;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            return Error{ErrorCode::FileUnreadable,
                         "Cannot read the folder " + folder + ": " + ec.message() + "."};
        }
        const std::string name = it->path().filename().string();
        if (!endsWith(name, suffix) || name.size() == suffix.size() || !it->is_regular_file(ec)) {
            continue;
        }
        UnfinishedTake take;
        take.journalPath = it->path().string();
        take.takePath = take.journalPath.substr(0, take.journalPath.size() - suffix.size());
        if (auto entry = RecordingJournal::read(take.journalPath)) {
            if (isStillRecording(*entry)) {
                continue;
            }
            take.journal = std::move(*entry);
        }
        takes.push_back(std::move(take));
    }
    std::sort(takes.begin(), takes.end(), [](const UnfinishedTake& a, const UnfinishedTake& b) {
        return a.takePath < b.takePath;
    });
    return takes;
}

Result<RecoveredTake> Recovery::recoverTake(const UnfinishedTake& take) {
    TakeLayout layout;
    if (take.journal) {
        layout.format = take.journal->entry.format;
        layout.sampleRate = take.journal->entry.sampleRate;
        layout.channels = take.journal->entry.channels;
    }
    const auto repaired = repairTakeFile(take.takePath, layout);
    if (!repaired) {
        return repaired.error();
    }
    // The markers of the take, journalled as they were added, go into the repaired file
    // before the journal goes: if saving them fails, recovery can be tried again. A FLAC or
    // Ogg take without markers still has the room kept for them cleared (best effort).
    if (take.journal && repaired->method != RepairMethod::Missing &&
        repaired->method != RepairMethod::EmptyTake) {
        const FileFormat format = take.journal->entry.format;
        const std::vector<Marker>& markers = take.journal->markers;
        if (!markers.empty() || format == FileFormat::Flac || format == FileFormat::OggVorbis) {
            const Status saved =
                take_markers::save(take.takePath, format, markers, repaired->sampleRate);
            if (!saved && !markers.empty()) {
                return saved.error();
            }
        }
    }
    if (::unlink(take.journalPath.c_str()) != 0 && errno != ENOENT) {
        return Error{ErrorCode::WriteFailed, take.takePath +
                                                 " was repaired, but its journal cannot be "
                                                 "removed: " +
                                                 std::strerror(errno) + "."};
    }
    RecoveredTake out;
    out.takePath = take.takePath;
    out.method = repaired->method;
    out.frames = repaired->frames;
    out.sampleRate = repaired->sampleRate;
    return out;
}

} // namespace tapedeck
