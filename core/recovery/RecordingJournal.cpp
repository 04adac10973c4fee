#include "core/recovery/RecordingJournal.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace tapedeck {

namespace {

constexpr const char* kMagicKey = "tapedeck-journal";

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// Writes all of `text` to `fd` (retrying interrupted and short writes), then makes it
// durable: fsync for a new file (its metadata too), fdatasync for an append.
// Closes fd. Returns 0 or the errno of the first failure.
int writeAllDurably(int fd, const std::string& text, bool newFile) {
    std::size_t done = 0;
    int writeErrno = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            writeErrno = errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (writeErrno == 0 && (newFile ? ::fsync(fd) : ::fdatasync(fd)) != 0) {
        writeErrno = errno;
    }
    ::close(fd);
    return writeErrno;
}

std::string formatToken(FileFormat format) {
    switch (format) {
    case FileFormat::Wav16:
        return "wav16";
    case FileFormat::Wav24:
        return "wav24";
    case FileFormat::WavFloat:
        return "wav32f";
    case FileFormat::Flac:
        return "flac";
    case FileFormat::OggVorbis:
        return "ogg";
    }
    return "wav24";
}

// Values are one line each: backslashes and line breaks are escaped.
std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return out;
}

std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

template <typename T> bool parseNumber(const std::string& text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

std::string isoTimeNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string bootId() {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

// Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot. 0 if
// unknown.
std::int64_t processStartTicks(std::int64_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
        if (i == 22) {
            std::int64_t ticks = 0;
            return parseNumber(field, ticks) ? ticks : 0;
        }
    }
    return 0;
}

void syncFolder(const std::string& path) {
    const int fd = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::string serialize(const JournalRecord& r) {
    const JournalEntry& e = r.entry;
    std::ostringstream out;
    out << kMagicKey << '=' << r.version << '\n'
        << "take=" << escape(e.takePath) << '\n'
        << "host-api=" << escape(e.hostApi) << '\n'
        << "device=" << escape(e.deviceName) << '\n'
        << "sample-rate=" << e.sampleRate << '\n'
        << "channels=" << e.channels << '\n'
        << "format=" << formatToken(e.format) << '\n'
        << "started=" << r.startTime << '\n'
        << "pid=" << r.pid << '\n'
        << "process-start=" << r.processStartTicks << '\n'
        << "boot-id=" << r.bootId << '\n';
    return out.str();
}

} // namespace

std::string RecordingJournal::pathFor(const std::string& takePath) {
    return takePath + kSuffix;
}

Result<RecordingJournal> RecordingJournal::begin(const JournalEntry& entry) {
    if (entry.takePath.empty()) {
        return Error{ErrorCode::InvalidArgument, "No file name was given for the recording."};
    }
    JournalRecord full;
    full.entry = entry;
    full.version = kVersion;
    full.startTime = isoTimeNow();
    full.pid = ::getpid();
    full.processStartTicks = processStartTicks(full.pid);
    full.bootId = bootId();
    const std::string path = pathFor(entry.takePath);
    const std::string text = serialize(full);

    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return Error{ErrorCode::Unwritable, "Cannot write the recording journal " + path + ": " +
                                                std::strerror(errno) + ". Choose another folder."};
    }
    if (const int writeErrno = writeAllDurably(fd, text, true); writeErrno != 0) {
        ::unlink(path.c_str());
        return Error{ErrorCode::Unwritable, "Cannot write the recording journal " + path + ": " +
                                                std::strerror(writeErrno) + "."};
    }
    syncFolder(path);
    return RecordingJournal(path, std::move(full));
}

Result<JournalRecord> RecordingJournal::read(const std::string& journalPath) {
    std::ifstream in(journalPath);
    if (!in) {
        return Error{ErrorCode::FileNotFound, "The journal " + journalPath + " cannot be read."};
    }
    JournalRecord r;
    JournalEntry& e = r.entry;
    bool magic = false;
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            continue;
        }
        const std::string key = line.substr(0, eq);
        const std::string value = unescape(line.substr(eq + 1));
        if (key == kMagicKey) {
            magic = parseNumber(value, r.version);
        } else if (key == "take") {
            e.takePath = value;
        } else if (key == "host-api") {
            e.hostApi = value;
        } else if (key == "device") {
            e.deviceName = value;
        } else if (key == "sample-rate") {
            parseNumber(value, e.sampleRate);
        } else if (key == "channels") {
            parseNumber(value, e.channels);
        } else if (key == "format") {
            if (const auto format = parseFileFormat(value)) {
                e.format = *format;
            }
        } else if (key == "started") {
            r.startTime = value;
        } else if (key == "pid") {
            parseNumber(value, r.pid);
        } else if (key == "process-start") {
            parseNumber(value, r.processStartTicks);
        } else if (key == "boot-id") {
            r.bootId = value;
        } else if (key == "marker") {
            const auto space = value.find(' ');
            Marker m;
            if (parseNumber(value.substr(0, space), m.frame)) {
                m.name = space == std::string::npos ? std::string() : value.substr(space + 1);
                r.markers.push_back(std::move(m));
            }
        }
    }
    if (!magic) {
        return Error{ErrorCode::FileUnreadable,
                     journalPath + " is not a Tapedeck recording journal."};
    }
    return r;
}

RecordingJournal::RecordingJournal(std::string path, JournalRecord record)
    : path_(std::move(path)), record_(std::move(record)) {}

RecordingJournal::RecordingJournal(RecordingJournal&& other) noexcept
    : path_(std::exchange(other.path_, {})), record_(std::move(other.record_)) {}

RecordingJournal& RecordingJournal::operator=(RecordingJournal&& other) noexcept {
    if (this != &other) {
        path_ = std::exchange(other.path_, {});
        record_ = std::move(other.record_);
    }
    return *this;
}

Status RecordingJournal::addMarker(const Marker& marker) {
    if (path_.empty()) {
        return success();
    }
    if (const Status appended = appendMarker(path_, marker); !appended) {
        return appended;
    }
    record_.markers.push_back(marker);
    return success();
}

Status RecordingJournal::appendMarker(const std::string& journalPath, const Marker& marker) {
    const std::string line =
        "marker=" + std::to_string(marker.frame) + ' ' + escape(marker.name) + '\n';
    const int fd = ::open(journalPath.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) {
        return Error{ErrorCode::WriteFailed, "Cannot add the marker to the recording journal " +
                                                 journalPath + ": " + std::strerror(errno) + "."};
    }
    if (const int writeErrno = writeAllDurably(fd, line, false); writeErrno != 0) {
        return Error{ErrorCode::WriteFailed, "Cannot add the marker to the recording journal " +
                                                 journalPath + ": " + std::strerror(writeErrno) +
                                                 "."};
    }
    return success();
}

Status RecordingJournal::finish() {
    if (path_.empty()) {
        return success();
    }
    if (::unlink(path_.c_str()) != 0 && errno != ENOENT) {
        return Error{ErrorCode::WriteFailed, "Cannot remove the recording journal " + path_ + ": " +
                                                 std::strerror(errno) + "."};
    }
    syncFolder(path_);
    path_.clear();
    return success();
}

} // namespace tapedeck
