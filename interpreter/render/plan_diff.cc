#include "interpreter/render/plan_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "interpreter/expressions/expression_text.h"
#include "interpreter/steps/step_catalog.h"
#include "interpreter/values/type_spec.h"

namespace planrun {
namespace {

// The value of a template whose expressions are all literals (a used plan's params given
// literals), which means the same as that value written plainly.
std::optional<Value> literal_template_value(const expr::Template& tmpl) {
  for (const expr::Template::Part& part : tmpl.parts)
    if (part.expression && part.expression->kind != expr::Expr::Kind::Literal) return std::nullopt;
  if (tmpl.is_single_expression()) return tmpl.parts.front().expression->literal;
  std::string text;
  for (const expr::Template::Part& part : tmpl.parts) text += part.expression ? part.expression->literal.to_text() : part.text;
  return Value(text);
}

// A field as its meaning: literals shown, templates written back from their parsed form.
std::string written(const BoundValue& bound) {
  switch (bound.kind) {
    case BoundValue::Kind::Literal: return bound.literal.display();
    case BoundValue::Kind::Template: {
      if (auto value = literal_template_value(*bound.tmpl)) return value->display();
      return "\"" + expr::template_text(*bound.tmpl) + "\"";
    }
    case BoundValue::Kind::List: {
      std::string out = "[";
      for (const BoundValue& item : bound.items) out += (out.size() > 1 ? ", " : "") + written(item);
      return out + "]";
    }
    case BoundValue::Kind::Map: {
      std::string out = "{";
      for (const auto& [key, item] : bound.entries) out += (out.size() > 1 ? ", " : "") + key + ": " + written(item);
      return out + "}";
    }
  }
  return "";
}

bool is_tuning(const StepNode& step, const std::string& field) {
  const StepSchema* schema = find_step_schema(step.type);
  if (!schema) return false;
  for (const FieldSpec& spec : schema->with.fields)
    if (spec.name == field) return spec.tuning;
  return false;
}

std::set<std::string> needed_ids(const ActionGraph& graph, const StepNode& step) {
  std::set<std::string> ids;
  for (size_t index : step.needs) ids.insert(graph.steps[index].id);
  return ids;
}

// What a step is, without its id: for finding renamed steps. The ids it needs are read through
// `renamed` (old id -> new id), so that the steps after a renamed step can match too.
std::string definition(const ActionGraph& graph, const StepNode& step,
                       const std::map<std::string, std::string>& renamed = {}) {
  std::string out = step.type + "@" + std::to_string(step.schema_version);
  for (const auto& [name, value] : step.with) out += "|" + name + "=" + written(value);
  std::set<std::string> needs;
  for (const std::string& id : needed_ids(graph, step)) {
    auto rename = renamed.find(id);
    needs.insert(rename == renamed.end() ? id : rename->second);
  }
  for (const std::string& id : needs) out += "|needs " + id;
  return out;
}

std::string param_summary(const ParamNode& param) {
  std::string out = kind_name(param.type);
  if (param.default_value) out += ", default " + param.default_value->display();
  if (param.default_template) out += ", default " + param.default_template->text;
  return out;
}

class Differ {
 public:
  Differ(const ActionGraph& old_plan, const ActionGraph& new_plan) : old_(old_plan), new_(new_plan) {}

  PlanDiff run() {
    diff_params();
    match_renames();
    diff_steps();
    find_redo();
    return std::move(diff_);
  }

 private:
  void diff_params() {
    for (const ParamNode& param : new_.params) {
      const ParamNode* before = old_.find_param(param.name);
      if (!before) {
        diff_.params.push_back({'+', param.name, param_summary(param)});
        changed_params_.insert(param.name);
      } else if (param_summary(*before) != param_summary(param)) {
        diff_.params.push_back({'~', param.name, param_summary(*before) + " -> " + param_summary(param)});
        changed_params_.insert(param.name);
      }
    }
    for (const ParamNode& param : old_.params)
      if (!new_.find_param(param.name)) diff_.params.push_back({'-', param.name, param_summary(param)});
  }

  // A removed step and an added one with the same definition are one step renamed; matched
  // again until nothing more matches, as a rename lets the steps after it match.
  void match_renames() {
    for (bool matched = true; matched;) {
      matched = false;
      std::map<std::string, std::string> old_to_new;
      for (const auto& [to, from] : renamed_) old_to_new[from] = to;
      std::multimap<std::string, std::string> removed;
      for (const StepNode& step : old_.steps)
        if (!new_.find_step(step.id) && !old_to_new.count(step.id))
          removed.emplace(definition(old_, step, old_to_new), step.id);
      for (const StepNode& step : new_.steps) {
        if (old_.find_step(step.id) || renamed_.count(step.id)) continue;
        auto match = removed.find(definition(new_, step));
        if (match == removed.end()) continue;
        renamed_[step.id] = match->second;
        removed.erase(match);
        matched = true;
      }
    }
  }

  void diff_steps() {
    std::set<std::string> renamed_from;
    for (const auto& [to, from] : renamed_) renamed_from.insert(from);
    for (const StepNode& step : new_.steps) {
      if (auto rename = renamed_.find(step.id); rename != renamed_.end()) {
        diff_.steps.push_back({'>', step.id, "renamed from " + rename->second});
        rerun_.insert(step.id);
        diff_step(*old_.find_step(rename->second), step);  // a `when` may differ; its definition does not
      } else if (const StepNode* before = old_.find_step(step.id)) {
        diff_step(*before, step);
      } else {
        diff_.steps.push_back({'+', step.id, "added (" + step.type + ")"});
      }
    }
    for (const StepNode& step : old_.steps)
      if (!new_.find_step(step.id) && !renamed_from.count(step.id))
        diff_.steps.push_back({'-', step.id, "removed (" + step.type + ")"});
  }

  void diff_step(const StepNode& before, const StepNode& after) {
    auto changed = [&](std::string detail, bool reruns) {
      diff_.steps.push_back({'~', after.id, std::move(detail)});
      if (reruns) rerun_.insert(after.id);
    };
    if (before.type != after.type) changed("type: " + before.type + " -> " + after.type, true);
    std::set<std::string> fields;
    for (const auto& [name, value] : before.with) fields.insert(name);
    for (const auto& [name, value] : after.with) fields.insert(name);
    for (const std::string& name : fields) {
      auto old_value = before.with.find(name);
      auto new_value = after.with.find(name);
      std::string was = old_value == before.with.end() ? "(unset)" : written(old_value->second);
      std::string is = new_value == after.with.end() ? "(unset)" : written(new_value->second);
      if (was != is) changed("with." + name + ": " + was + " -> " + is, !is_tuning(after, name));
    }
    std::string was_when = before.when ? written(*before.when) : "(none)";
    std::string is_when = after.when ? written(*after.when) : "(none)";
    if (was_when != is_when) changed("when: " + was_when + " -> " + is_when, false);
    diff_needs(before, after, changed);
  }

  template <typename Changed>
  void diff_needs(const StepNode& before, const StepNode& after, Changed& changed) {
    std::set<std::string> was = needed_ids(old_, before);
    std::set<std::string> is = needed_ids(new_, after);
    std::string added, removed;
    for (const std::string& id : is)
      if (!was.count(id) && !(renamed_.count(id) && was.count(renamed_.at(id)))) added += " +" + id;
    for (const std::string& id : was)
      if (!is.count(id) && !std::any_of(renamed_.begin(), renamed_.end(),
                                        [&](const auto& rename) { return rename.second == id && is.count(rename.first); }))
        removed += " -" + id;
    if (!added.empty() || !removed.empty()) changed("needs:" + added + removed, true);
  }

  // Steps whose fingerprint changes: a changed definition, a changed param they read, or a
  // step before them that reruns; a step that is new runs anyway and is not "redone".
  void find_redo() {
    std::set<std::string> redo;
    for (const StepNode& step : new_.steps) {
      bool again = rerun_.count(step.id) || reads_changed_param(step);
      for (size_t index : step.needs) again = again || redo.count(new_.steps[index].id);
      bool is_new = !old_.find_step(step.id) && !renamed_.count(step.id);
      if (again && !is_new) diff_.redo.push_back(step.id);
      if (again || is_new) redo.insert(step.id);
    }
  }

  bool reads_changed_param(const StepNode& step) const {
    if (changed_params_.empty()) return false;
    for (const auto& [name, value] : step.with)
      if (!is_tuning(step, name))
        for (const std::string& param : changed_params_)
          if (reads(value, param)) return true;
    return false;
  }

  static bool reads(const BoundValue& value, const std::string& param) {
    if (value.kind == BoundValue::Kind::Template)
      for (const expr::Reference& ref : expr::references(*value.tmpl))
        if (ref.path.front() == param) return true;
    for (const BoundValue& item : value.items)
      if (reads(item, param)) return true;
    for (const auto& [key, item] : value.entries)
      if (reads(item, param)) return true;
    return false;
  }

  const ActionGraph& old_;
  const ActionGraph& new_;
  PlanDiff diff_;
  std::map<std::string, std::string> renamed_;  // new id -> old id
  std::set<std::string> rerun_;                 // steps whose own definition changed
  std::set<std::string> changed_params_;
};

}  // namespace

PlanDiff diff_plans(const ActionGraph& old_plan, const ActionGraph& new_plan) { return Differ(old_plan, new_plan).run(); }

std::string render_diff_text(const PlanDiff& diff, const std::string& old_name, const std::string& new_name) {
  std::string out = "planrun diff " + old_name + " " + new_name + "\n";
  if (diff.empty()) return out + "no change in meaning\n";
  auto section = [&](const char* title, const std::vector<PlanDiff::Change>& changes) {
    if (changes.empty()) return;
    out += std::string(title) + ":\n";
    for (const PlanDiff::Change& change : changes)
      out += "  " + std::string(1, change.mark) + " " + change.subject + ": " + change.detail + "\n";
  };
  section("params", diff.params);
  section("steps", diff.steps);
  std::string redo;
  for (const std::string& id : diff.redo) redo += (redo.empty() ? "" : ", ") + id;
  return out + "a run would redo: " + (redo.empty() ? "nothing" : redo) + "\n";
}

std::string render_diff_markdown(const PlanDiff& diff, const std::string& old_name, const std::string& new_name) {
  std::string out = "### planrun diff `" + old_name + "` → `" + new_name + "`\n\n";
  if (diff.empty()) return out + "No change in meaning.\n";
  auto cell = [](std::string text) {
    std::string escaped;
    for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    return escaped;
  };
  out += "| | what | change |\n|---|---|---|\n";
  auto rows = [&](const char* kind, const std::vector<PlanDiff::Change>& changes) {
    for (const PlanDiff::Change& change : changes)
      out += "| " + std::string(1, change.mark) + " | " + kind + " `" + cell(change.subject) + "` | " +
             cell(change.detail) + " |\n";
  };
  rows("param", diff.params);
  rows("step", diff.steps);
  out += "\n**A run would redo** ";
  if (diff.redo.empty()) return out + "nothing.\n";
  out += std::to_string(diff.redo.size()) + (diff.redo.size() == 1 ? " step" : " steps") + ":";
  for (const std::string& id : diff.redo) out += " `" + id + "`";
  return out + "\n";
}

}  // namespace planrun
