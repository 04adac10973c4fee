#include "app/cli/Commands.h"
#include "app/cli/UserMessages.h"

#include <cstdio>

namespace tapedeck::cli {

int fail(const std::string& message) {
    std::fprintf(UserMessages::stream(), "tapedeck: %s\n", message.c_str());
    return 1;
}

} // namespace tapedeck::cli
