#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tapedeck::cli {

// An option as one mode lists it. A note, when set, replaces the option's own description
// where the option means something particular in that mode (--format's default in --export).
struct HelpModeOption {
    std::string name; // "--duration"
    std::string note;
};

// One way of running tapedeck, as --help shows it.
struct HelpMode {
    std::string usage;   // "tapedeck --record FILE [OPTIONS]"
    std::string summary; // what the mode does
    std::vector<HelpModeOption> options;
};

// Writes --help as the modes one after the other, each with the options that go with it.
// CLI11's own layout lists options by group, where --format, which two modes share, could
// stand under one of them only. Option names and value names are read from the CLI::App,
// so the help cannot list an option the parser does not know (get_option throws). Lines stay
// within 100 columns. Main thread.
class HelpFormatter : public CLI::FormatterBase {
public:
    HelpFormatter(std::string preamble, std::vector<HelpMode> modes);

    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override;

private:
    std::string preamble_;
    std::vector<HelpMode> modes_;
};

} // namespace tapedeck::cli
