#include "app/cli/JsonOutput.h"

#include <cstdio>

namespace tapedeck::cli {

void printJson(const nlohmann::ordered_json& document) {
    constexpr int kIndent = 4;
    const std::string text =
        document.dump(kIndent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
}

} // namespace tapedeck::cli
