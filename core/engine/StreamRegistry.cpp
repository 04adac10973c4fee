#include "core/engine/StreamRegistry.h"

namespace tapedeck {

StreamRegistry& StreamRegistry::instance() {
    static StreamRegistry registry;
    return registry;
}

} // namespace tapedeck
