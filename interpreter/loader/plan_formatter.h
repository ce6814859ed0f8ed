#pragma once

#include <optional>
#include <string>

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/loader/plan_loader.h"

namespace planrun {

// `planrun fmt`: a plan file in the canonical form of either syntax, comments kept (see
// frontend/comment_map.h for where they go). Reads the file with the front end its extension
// names and writes it in `to`. A file that does not parse, or a document the target syntax cannot
// hold, is a diagnostic and gives nothing. The plan is not compiled: fmt formats plans that do
// not check.
//
// The result is read back with the target's front end before it is returned: it must say the
// same (ast::same_document) and hold every comment, or fmt has a bug, and std::logic_error says
// so rather than anyone's plan being rewritten wrongly.
std::optional<std::string> format_plan_file(const std::string& path, PlanSyntax to, SourceFiles& sources,
                                            Diagnostics& diagnostics);

}  // namespace planrun
