#include "Commands.h"

#include <cstdio>

namespace tapedeck::cli {

int fail(const std::string& message) {
    std::fprintf(stderr, "tapedeck: %s\n", message.c_str());
    return 1;
}

} // namespace tapedeck::cli
