#pragma once

#include "core/base/Result.h"

#include <string>

namespace tapedeck {

// The file an export is written into before it is finished: a hidden file next to the
// destination (".NAME.partial-XXXXXX"), which becomes the destination only when the export is
// complete, under its final name at once and never over a file that appeared meanwhile. A
// cancelled or failed export, or one whose encoding is redone, leaves nothing behind: the
// destructor removes the hidden file. The exporter's thread.
class PendingFile {
public:
    // Checks that `destination` does not exist and that its folder takes a new file, and
    // creates the hidden file. Errors: FileExists, Unwritable, WriteFailed; messages for
    // people.
    static Result<PendingFile> create(const std::string& destination);

    PendingFile(PendingFile&& other) noexcept;
    PendingFile& operator=(PendingFile&& other) noexcept;
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    ~PendingFile();

    // The hidden file's path, to write through.
    const std::string& path() const { return path_; }
    // Opens it for writing (O_WRONLY, from the start); the caller owns the descriptor.
    int openForWriting() const;
    // Gives the hidden file its final name (fsynced first). Errors: FileExists (a file of
    // that name appeared while exporting), WriteFailed.
    Status publish();

private:
    PendingFile() = default;
    std::string destination_;
    std::string path_;
};

} // namespace tapedeck
