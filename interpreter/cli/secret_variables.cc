#include "interpreter/cli/secret_variables.h"

#include <cstdlib>

namespace planrun {

void remove_secret_variables(const ActionGraph& graph) {
  for (const ParamNode& param : graph.params)
    if (param.type == TypeSpec::Kind::Secret && !param.from_env.empty()) ::unsetenv(param.from_env.c_str());
}

}  // namespace planrun
