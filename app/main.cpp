#include "Version.h"

#include <cstdio>

int main() {
    std::printf("tapedeck %s\n", tapedeck::kVersion);
    return 0;
}
