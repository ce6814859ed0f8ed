#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Reads a YAML plan into a located document tree. A YAML syntax error becomes a diagnostic at
// its position and the result is empty; no yaml-cpp exception leaves this function. A large
// plan's step list is parsed in parts on all cores (yaml-cpp reads about 10 MB/s).
std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text,
                                    Diagnostics& diagnostics);

// The same with the step list cut into at most `parts` parts; 1 parses the file whole. The tree
// and the diagnostics do not depend on `parts`: a plan that does not cut cleanly, or that has
// any finding, is parsed whole.
std::optional<ast::Node> parse_yaml(const std::string& path, const std::string& text,
                                    Diagnostics& diagnostics, size_t parts);

}  // namespace planrun
