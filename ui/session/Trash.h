#pragma once

#include <QString>

#include <optional>

namespace tapedeck {

// The desktop's trash (freedesktop.org: Trash/files and Trash/info), through Qt. GUI thread
// (a rename within a file system; no copying).
class Trash {
public:
    // Moves `path` to the trash; its place there, or nothing when it cannot be moved.
    static std::optional<QString> moveToTrash(const QString& path);
    // Puts a file moved to the trash back at `original` (never over an existing file) and
    // removes its note in Trash/info. False when it cannot.
    static bool restore(const QString& inTrash, const QString& original);
};

} // namespace tapedeck
