#pragma once

#include <optional>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/evaluation/param_values.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// The load-then-compile driver: picks the front end a file's extension names, and compiles what
// it read. A second front end (.plan syntax) and `include:` plug in here, above both the front
// ends and the compiler, so that neither of them (nor evaluation) depends on the other.

// The two syntaxes of a plan, and the front ends that read them.
enum class PlanSyntax { Yaml, Plan };

// The syntax a file's extension names: .yaml and .yml, .plan.
std::optional<PlanSyntax> syntax_of(const std::string& path);

// Reads plan text with the front end of `syntax`.
std::optional<ast::Node> parse_plan_document(PlanSyntax syntax, const std::string& path, const std::string& text,
                                             Diagnostics& diagnostics);

// Reads a plan file with the front end its extension names (.yaml, .yml, .plan) into a document tree,
// keeping its text in `sources` for diagnostics. An unreadable file is a diagnostic too.
std::optional<ast::Node> read_plan_document(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics);

// Reads and compiles a plan file: the whole front half of the pipeline.
std::optional<ActionGraph> load_plan(const std::string& path, SourceFiles& sources, Diagnostics& diagnostics);

// The front ends as evaluation reads parameter documents with them (vars files, --set flow text).
const DocumentReader& plan_document_reader();

// resolve_params (evaluation/param_values.h) reading documents with the front ends.
std::optional<ParamValues> resolve_params(const ActionGraph& graph, const ParamInputs& inputs, SourceFiles& sources,
                                          Diagnostics& diagnostics);

}  // namespace planrun
