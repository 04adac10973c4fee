#include "Version.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Commands.h"
#include "app/cli/UserMessages.h"

#ifdef TAPEDECK_HAS_GUI
#include "app/WindowLauncher.h"
#endif

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

using namespace tapedeck;

int main(int argc, char** argv) {
    // A take that hits the file-size limit must fail with a message, not be killed.
    std::signal(SIGXFSZ, SIG_IGN);

    const std::vector<std::string> arguments(argv + 1, argv + argc);
    const cli::ParseResult parsed = cli::parseCommandLine(arguments);
    if (!parsed.commandLine) {
        std::fprintf(stderr, "tapedeck: %s\n", parsed.error.c_str());
        return 2;
    }
    const cli::CommandLine& commandLine = *parsed.commandLine;
    const bool usesAudio = commandLine.mode == cli::Mode::ListDevices ||
                           commandLine.mode == cli::Mode::Record ||
                           commandLine.mode == cli::Mode::Play;
    if (usesAudio) {
        cli::UserMessages::separateFromLibraryOutput();
    }
    switch (commandLine.mode) {
    case cli::Mode::Help:
        std::fputs(cli::helpText().c_str(), stdout);
        return 0;
    case cli::Mode::Version:
        std::printf("tapedeck %s\n", kVersion);
        return 0;
    case cli::Mode::ListDevices:
        return cli::listDevices(commandLine);
    case cli::Mode::Record:
        return cli::record(commandLine);
    case cli::Mode::Play:
        return cli::play(commandLine);
    case cli::Mode::Info:
        return cli::info(commandLine);
    case cli::Mode::Recover:
        return cli::recover(commandLine);
    case cli::Mode::Export:
        return cli::exportSpan(commandLine);
    case cli::Mode::Gui:
    case cli::Mode::ToggleRecord: // the window's executable reaches the running window
        break;
    }
#ifdef TAPEDECK_HAS_GUI
    return launchWindow(argv);
#else
    if (commandLine.mode == cli::Mode::ToggleRecord) {
        std::fputs("tapedeck: this Tapedeck was built without its window, so there is no window "
                   "to record in. Use tapedeck --record FILE.\n",
                   stderr);
        return 1;
    }
    std::fputs(cli::helpText().c_str(), stdout);
    return 0;
#endif
}
