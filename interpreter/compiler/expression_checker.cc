#include "interpreter/compiler/expression_checker.h"

#include <algorithm>

#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/expressions/expression_functions.h"
#include "interpreter/expressions/step_output_reference.h"

namespace planrun {

std::vector<std::string> NameTable::param_names() const {
  std::vector<std::string> result;
  for (const auto& [name, kind] : params) result.push_back(name);
  return result;
}

bool NameTable::is_broken(const std::string& id) const { return is_broken_step(broken_steps, id); }

bool is_broken_step(const std::set<std::string>& broken, const std::string& id) {
  if (broken.count(id)) return true;
  for (size_t dot = id.find('.'); dot != std::string::npos; dot = id.find('.', dot + 1))
    if (broken.count(id.substr(0, dot))) return true;
  return false;
}

std::vector<std::string> NameTable::step_ids() const {
  std::vector<std::string> result;
  for (const auto& [id, outputs] : step_outputs) result.push_back(id);
  return result;
}

std::shared_ptr<const expr::Template> ExpressionChecker::parse(const ast::Node& scalar) {
  try {
    return std::make_shared<const expr::Template>(expr::parse_template(scalar.scalar));
  } catch (const expr::ExpressionError& error) {
    diagnostics_.error(scalar.location_of(error.offset), error.what());
    return nullptr;
  }
}

void ExpressionChecker::check(const expr::Template& tmpl, const ast::Node& scalar,
                              std::set<std::string>& steps_used) {
  for (const expr::Reference& ref : expr::references(tmpl)) check_reference(ref, scalar, steps_used);
  for (const expr::Call& call : expr::calls(tmpl)) check_call(call, scalar);
}

static std::string dotted(const std::vector<std::string>& path, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < path.size(); ++i) out += (i ? "." : "") + path[i];
  return out;
}

void ExpressionChecker::check_reference(const expr::Reference& ref, const ast::Node& scalar,
                                        std::set<std::string>& steps_used) {
  const std::string& root = ref.path.front();
  SourceLocation where = scalar.location_of(ref.offset);
  if (root == "env") {
    check_variable(ref, where);
  } else if (root == "run") {
    bool known = ref.path.size() == 2 && (ref.path[1] == "id" || ref.path[1] == "dir");
    if (!known)
      diagnostics_.error(where, "'" + dotted(ref.path, ref.path.size()) +
                                    "' is not a name: run.id and run.dir are" +
                                    (ref.path.size() == 2 ? did_you_mean(ref.path[1], {"id", "dir"}) : ""));
  } else if (root == "steps") {
    check_step_output(ref, scalar, steps_used);
  } else if (names_.params.count(root)) {
    check_param_member(ref, scalar);
  } else {
    diagnostics_.error(where, "undefined name '" + root + "'" + did_you_mean(root, root_candidates()));
  }
}

// A secret's variable is gone from planrun's environment once the secret is read (commands must
// not inherit it), and env.NAME would show its value unmasked: the secret parameter is the way.
void ExpressionChecker::check_variable(const expr::Reference& ref, const SourceLocation& where) {
  if (ref.path.size() != 2) {
    diagnostics_.error(where, "'" + dotted(ref.path, ref.path.size()) + "' is not a name: use env.NAME");
    return;
  }
  auto secret = names_.secret_variables.find(ref.path[1]);
  if (secret != names_.secret_variables.end())
    diagnostics_.error(where, "'env." + ref.path[1] + "' is where secret '" + secret->second +
                                  "' is read from; use '" + secret->second + "', which stays masked");
}

void ExpressionChecker::check_step_output(const expr::Reference& ref, const ast::Node& scalar,
                                          std::set<std::string>& steps_used) {
  SourceLocation where = scalar.location_of(ref.offset);
  auto reference = expr::step_output_reference(ref.path);
  if (!reference) {
    diagnostics_.error(where, "'" + dotted(ref.path, ref.path.size()) +
                                  "' is not a name: step outputs are steps.ID.outputs.NAME");
    return;
  }
  const std::string& id = reference->step;
  if (names_.is_broken(id)) return;
  auto step = names_.step_outputs.find(id);
  if (step == names_.step_outputs.end()) {
    diagnostics_.error(where, "unknown step '" + id + "'" + did_you_mean(id, step_candidates()));
    return;
  }
  steps_used.insert(id);
  const std::vector<std::string>& outputs = *step->second;
  const std::string& output = reference->output;
  if (std::find(outputs.begin(), outputs.end(), output) == outputs.end()) {
    std::string known = outputs.empty() ? " (it publishes no outputs)" : did_you_mean(output, outputs);
    diagnostics_.error(where, "step '" + id + "' has no output '" + output + "'" + known);
  }
}

void ExpressionChecker::check_param_member(const expr::Reference& ref, const ast::Node& scalar) {
  if (ref.path.size() == 1) return;
  TypeSpec::Kind kind = names_.params.at(ref.path.front());
  if (kind == TypeSpec::Kind::Map || kind == TypeSpec::Kind::Any) return;
  diagnostics_.error(scalar.location_of(ref.offset),
                     "parameter '" + ref.path.front() + "' is a " + kind_name(kind) + " and has no member '" +
                         ref.path[1] + "'");
}

void ExpressionChecker::check_call(const expr::Call& call, const ast::Node& scalar) {
  try {
    expr::check_call(call.function, call.argument_count, call.offset);  // the evaluator's own check
  } catch (const expr::ExpressionError& error) {
    diagnostics_.error(scalar.location_of(error.offset), error.what());
  }
}

const std::vector<std::string>& ExpressionChecker::root_candidates() {
  if (root_candidates_.empty()) {
    root_candidates_ = names_.param_names();
    root_candidates_.insert(root_candidates_.end(), reserved_roots().begin(), reserved_roots().end());
  }
  return root_candidates_;
}

const std::vector<std::string>& ExpressionChecker::step_candidates() {
  if (step_candidates_.empty()) step_candidates_ = names_.step_ids();
  return step_candidates_;
}

}  // namespace planrun
