#include "app/cli/Commands.h"

#include "core/recovery/Recovery.h"

#include <cstdio>
#include <filesystem>

namespace tapedeck::cli {

namespace {

std::string fileName(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

} // namespace

int recover(const CommandLine& commandLine) {
    const std::string& folder = commandLine.file.empty() ? std::string(".") : commandLine.file;
    const auto takes = Recovery::findUnfinishedTakes(folder);
    if (!takes) {
        return fail(takes.error().message);
    }
    if (takes->empty()) {
        std::printf("No unfinished takes in %s.\n", folder.c_str());
        return 0;
    }
    int failures = 0;
    for (const UnfinishedTake& take : *takes) {
        const auto recovered = Recovery::recoverTake(take);
        if (!recovered) {
            fail(recovered.error().message);
            ++failures;
            continue;
        }
        const std::string name = fileName(recovered->takePath);
        switch (recovered->method) {
        case RepairMethod::Missing:
            std::printf("%s no longer exists; its journal was removed.\n", name.c_str());
            break;
        case RepairMethod::EmptyTake:
            std::printf("Recovered %s: it holds no audio.\n", name.c_str());
            break;
        default:
            std::printf("Recovered %s: %.1f s\n", name.c_str(), recovered->seconds());
            break;
        }
    }
    std::fflush(stdout);
    return failures == 0 ? 0 : 1;
}

} // namespace tapedeck::cli
