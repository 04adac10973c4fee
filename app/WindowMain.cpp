#include "app/cli/CommandLine.h"
#include "ui/window/GuiMain.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace tapedeck;

// The window's executable. `tapedeck` with no command-line mode execs this one with the same
// arguments (see WindowLauncher.h), so the arguments are the files to open, or --toggle-record
// (the record key, for the window already running).
int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    const cli::ParseResult parsed = cli::parseCommandLine(arguments);
    const bool toggleRecord =
        parsed.commandLine && parsed.commandLine->mode == cli::Mode::ToggleRecord;
    if (!parsed.commandLine || (parsed.commandLine->mode != cli::Mode::Gui && !toggleRecord)) {
        std::fprintf(stderr, "tapedeck: %s\n",
                     parsed.commandLine ? "the window takes only files to open, or "
                                          "--toggle-record; see tapedeck --help"
                                        : parsed.error.c_str());
        return 2;
    }
    QStringList files;
    for (const std::string& file : parsed.commandLine->openFiles) {
        files.append(QString::fromStdString(file));
    }
    return runGui(argc, argv, files, toggleRecord);
}
