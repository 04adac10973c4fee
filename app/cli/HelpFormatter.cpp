#include "app/cli/HelpFormatter.h"

#include <sstream>

namespace tapedeck::cli {

namespace {

// A terminal of 100 columns shows every line whole.
constexpr std::size_t kWidth = 100;
constexpr std::size_t kSummaryIndent = 2;
constexpr std::size_t kOptionIndent = 4;
// Past the longest option with its value name ("--input-channels FIRST[-LAST]").
constexpr std::size_t kDescriptionColumn = 36;

// Appends text word by word, wrapped within kWidth, and ends the line. The line is already at
// `column`; the lines it wraps onto start at `indent`. The texts are ASCII, so a byte is a
// column.
void appendWrapped(std::string& out, const std::string& text, std::size_t column,
                   std::size_t indent) {
    std::istringstream words(text);
    std::string word;
    bool lineHasWords = false;
    while (words >> word) {
        if (lineHasWords && column + 1 + word.size() > kWidth) {
            out += '\n';
            out.append(indent, ' ');
            column = indent;
            lineHasWords = false;
        }
        if (lineHasWords) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        lineHasWords = true;
    }
    out += '\n';
}

} // namespace

HelpFormatter::HelpFormatter(std::string preamble, std::vector<HelpMode> modes)
    : preamble_(std::move(preamble)), modes_(std::move(modes)) {}

std::string HelpFormatter::make_help(const CLI::App* app, std::string /*name*/,
                                     CLI::AppFormatMode /*mode*/) const {
    std::string out = preamble_;
    for (const HelpMode& mode : modes_) {
        out += '\n';
        out += mode.usage;
        out += '\n';
        out.append(kSummaryIndent, ' ');
        appendWrapped(out, mode.summary, kSummaryIndent, kSummaryIndent);
        for (const HelpModeOption& listed : mode.options) {
            const CLI::Option* option = app->get_option(listed.name);
            std::string left(kOptionIndent, ' ');
            left += option->get_name();
            if (option->get_items_expected_max() > 0) {
                left += ' ' + option->get_type_name();
            }
            out += left;
            std::size_t column = left.size();
            if (column + 2 > kDescriptionColumn) {
                out += '\n';
                column = 0;
            }
            out.append(kDescriptionColumn - column, ' ');
            appendWrapped(out, listed.note.empty() ? option->get_description() : listed.note,
                          kDescriptionColumn, kDescriptionColumn);
        }
    }
    return out;
}

} // namespace tapedeck::cli
