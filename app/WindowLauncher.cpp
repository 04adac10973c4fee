#include "app/WindowLauncher.h"

#include "WindowLocation.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace tapedeck {

namespace {

// The folder this executable was started from, following symlinks (so a link in ~/bin to an
// installed or built tapedeck still finds the window beside the real file).
std::string executableFolder() {
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0) {
        return {};
    }
    std::string folder(path, static_cast<std::size_t>(length));
    const std::size_t slash = folder.rfind('/');
    return slash == std::string::npos ? std::string{} : folder.substr(0, slash);
}

} // namespace

int launchWindow(char** argv) {
    const std::string folder = executableFolder();
    // A build tree has the window beside tapedeck; an installation has it in libexec.
    const std::vector<std::string> candidates = {
        folder + "/" + kWindowExecutable,
        folder + "/" + kInstalledWindowFromBin + "/" + kWindowExecutable,
    };
    int lastErrno = ENOENT;
    for (const std::string& candidate : candidates) {
        execv(candidate.c_str(), argv);
        lastErrno = errno; // only reached when exec failed
    }
    std::fprintf(stderr,
                 "tapedeck: the window could not be started (%s: %s). Reinstall Tapedeck, or "
                 "use the command line (tapedeck --help).\n",
                 candidates.back().c_str(), std::strerror(lastErrno));
    return 1;
}

} // namespace tapedeck
