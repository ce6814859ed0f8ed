#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Reads a YAML plan into a located document tree. A YAML syntax error becomes a diagnostic at
// its position and the result is empty; no yaml-cpp exception leaves this function.
std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text,
                                    Diagnostics& diagnostics);

}  // namespace planrun
