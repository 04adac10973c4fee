#include "app/cli/OptionSuggestion.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace tapedeck::cli {

namespace {

// Levenshtein distance with transpositions ("jsno" is 1 from "json"), case ignored.
std::size_t editDistance(const std::string& a, const std::string& b) {
    const auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

} // namespace

std::string closestOption(const CLI::App& app, const std::string& unknown) {
    const std::size_t start = unknown.find_first_not_of('-');
    const std::string typed = start == std::string::npos ? "" : unknown.substr(start);
    const std::size_t allowed = std::clamp<std::size_t>(typed.size() / 3, 1, 2);
    std::string best;
    std::size_t bestDistance = allowed + 1;
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) {
            const std::size_t distance = editDistance(typed, name);
            if (distance < bestDistance) {
                best = "--" + name;
                bestDistance = distance;
            }
        }
    }
    return best;
}

} // namespace tapedeck::cli
