#include "Commands.h"

namespace tapedeck::cli {

int info(const CommandLine& /*commandLine*/) {
    return fail("--info is not available in this build.");
}

} // namespace tapedeck::cli
