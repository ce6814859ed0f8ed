#pragma once

#include <string>

#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// A diagnostic as a GitHub Actions workflow command, which the Actions runner turns into an
// annotation on the pull request's diff at that file and line:
//   ::error file=plans/a.yaml,line=31,col=11,title=planrun check::unknown step type 'copy-dirr'
// Values are escaped as the runner expects (%25, %0D, %0A; in properties also %3A and %2C).
std::string render_github(const Diagnostic& diagnostic);

}  // namespace planrun
