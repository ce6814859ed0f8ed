#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Reads a plan file with the front end its extension names (.yaml, .yml) into a document tree,
// keeping its text in `sources` for diagnostics. An unreadable file is a diagnostic too.
std::optional<ast::Node> read_plan_document(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics);

// Reads and compiles a plan file: the whole front half of the pipeline.
std::optional<ActionGraph> load_plan(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics);

}  // namespace planrun
