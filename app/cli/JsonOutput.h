#pragma once

#include <nlohmann/json.hpp>

namespace tapedeck::cli {

// Prints a JSON document on stdout, indented, with a final newline. Names and strings are
// written as given (UTF-8); a string that is not valid UTF-8 (a file name from an old disk)
// has its bad bytes replaced rather than failing the whole command.
void printJson(const nlohmann::ordered_json& document);

} // namespace tapedeck::cli
