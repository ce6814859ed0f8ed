#include "interpreter/compiler/used_plan_linker.h"

#include <algorithm>
#include <map>

#include "interpreter/compiler/template_substitution.h"
#include "interpreter/compiler/value_binder.h"
#include "interpreter/diagnostics/did_you_mean.h"
#include "interpreter/steps/step_catalog.h"

namespace planrun {
namespace {

const std::vector<std::string> kUseKeys{"id", "use", "with", "needs", "description"};

std::optional<UseEntry> read_use_entry(const ast::Node& item, size_t position, PlanLibrary* library,
                                       NodeReader& reader, Diagnostics& diagnostics) {
  const ast::Node& use = *item.find("use");
  reader.reject_unknown_keys(item, kUseKeys, "field of a use");
  const ast::Node* id = item.find("id");
  if (!id) diagnostics.error(item.location, "a use has no 'id' (the name its steps are known under)");
  auto name = reader.string(use, "'use'");
  if (!id || !reader.valid_identifier(*id, "use id") || !name) return std::nullopt;
  UseEntry entry{&item, id->scalar, position, nullptr};
  if (library)
    entry.graph = library->use(*name, entry.id, use.location, diagnostics);
  else
    diagnostics.error(use.location, "this plan is compiled from text, without files to 'use'");
  return entry;
}

// What `needs` on a use entry says its plan's first steps wait for.
std::vector<std::pair<std::string, SourceLocation>> entry_needs(const ast::Node& item, NodeReader& reader) {
  std::vector<std::pair<std::string, SourceLocation>> needs;
  const ast::Node* node = item.find("needs");
  if (!node) return needs;
  if (node->is_scalar()) return {{node->scalar, node->location}};
  if (!reader.expect_sequence(*node, "'needs'")) return needs;
  for (const ast::Node& each : node->items)
    if (auto id = reader.string(each, "an entry of 'needs'")) needs.emplace_back(*id, each.location);
  return needs;
}

// A value written without `${...}`, whole, for a list or map argument.
std::optional<Value> literal_value(const BoundValue& bound) {
  switch (bound.kind) {
    case BoundValue::Kind::Literal: return bound.literal;
    case BoundValue::Kind::Template: return std::nullopt;
    case BoundValue::Kind::List: {
      Value::List items;
      for (const BoundValue& item : bound.items) {
        auto value = literal_value(item);
        if (!value) return std::nullopt;
        items.push_back(std::move(*value));
      }
      return Value(std::move(items));
    }
    case BoundValue::Kind::Map: {
      Value::Map entries;
      for (const auto& [key, item] : bound.entries) {
        auto value = literal_value(item);
        if (!value) return std::nullopt;
        entries[key] = std::move(*value);
      }
      return Value(std::move(entries));
    }
  }
  return std::nullopt;
}

std::optional<expr::Expr> literal_argument(Value value) {
  BoundValue bound;
  bound.literal = std::move(value);
  return argument_expression(bound);
}

// The name of a plain `${param}` argument, or "".
std::string plain_param(const BoundValue& argument) {
  if (argument.kind != BoundValue::Kind::Template || !argument.tmpl->is_single_expression()) return "";
  const expr::Expr& expression = *argument.tmpl->parts.front().expression;
  return expression.kind == expr::Expr::Kind::Name ? expression.name : "";
}

// Binds a use's arguments in the using plan's names and turns each into the expression that
// stands for the used plan's parameter.
class ArgumentBinder {
 public:
  ArgumentBinder(const UseEntry& use, const NameTable& names, Diagnostics& diagnostics)
      : use_(use), reader_(diagnostics), checker_(names, diagnostics), binder_(checker_, diagnostics),
        diagnostics_(diagnostics) {}

  // nullopt when an argument is missing or wrong (reported).
  std::optional<Substitution> bind() {
    const ast::Node* with = use_.node->find("with");
    if (with && !with->is_null() && !reader_.expect_mapping(*with, "'with'")) return std::nullopt;
    with_ = with && with->is_mapping() ? with : nullptr;
    reject_unknown_arguments();
    Substitution substitution{use_.id + ".", {}};
    bool ok = true;
    for (const ParamNode& param : use_.graph->params) {
      auto expression = argument(param, substitution);
      if (expression) substitution.params[param.name] = std::move(*expression);
      ok = ok && expression;
    }
    if (!ok) return std::nullopt;
    return substitution;
  }

  const std::map<std::string, BoundValue>& bound() const { return bound_; }

 private:
  void reject_unknown_arguments() {
    if (!with_) return;
    std::vector<std::string> known;
    for (const ParamNode& param : use_.graph->params) known.push_back(param.name);
    for (const auto& [key, value] : with_->entries)
      if (std::find(known.begin(), known.end(), key.scalar) == known.end())
        diagnostics_.error(key.location, "plan '" + use_.graph->name + "' used as '" + use_.id +
                                             "' has no parameter '" + key.scalar + "'" + did_you_mean(key.scalar, known));
  }

  // `earlier`: the used plan's params before this one, which a `${...}` default may read.
  std::optional<expr::Expr> argument(const ParamNode& param, const Substitution& earlier) {
    const ast::Node* node = with_ ? with_->find(param.name) : nullptr;
    if (!node) return missing(param, earlier);
    auto bound = binder_.bind(*node, param_type(param.type), param.name, reads_);
    if (!bound) return std::nullopt;
    if (param.type == TypeSpec::Kind::Secret && bound->kind != BoundValue::Kind::Template) {
      diagnostics_.error(node->location, "secret '" + param.name + "' is passed from a secret param of this plan " +
                                             "(\"${NAME}\"), never as text in the plan");
      return std::nullopt;
    }
    auto expression = argument_expression(*bound);
    if (!expression) {
      if (auto value = literal_value(*bound)) expression = literal_argument(std::move(*value));
    }
    if (!expression)
      diagnostics_.error(node->location, "'" + param.name + "' takes a list or map written out or one \"${...}\", "
                                         "not a list or map with \"${...}\" inside");
    bound_.emplace(param.name, std::move(*bound));
    return expression;
  }

  std::optional<expr::Expr> missing(const ParamNode& param, const Substitution& earlier) {
    if (param.default_value) return literal_argument(*param.default_value);
    if (param.default_template) return argument_expression(substitute(*param.default_template, earlier));
    std::string doc = param.doc.empty() ? "" : ": " + param.doc;
    diagnostics_.error(use_.node->find("use")->location,
                       "use '" + use_.id + "' does not give parameter '" + param.name + "' of plan '" +
                           use_.graph->name + "' (" + kind_name(param.type) + doc + "), which has no default");
    return std::nullopt;
  }

  const UseEntry& use_;
  NodeReader reader_;
  ExpressionChecker checker_;
  ValueBinder binder_;
  Diagnostics& diagnostics_;
  const ast::Node* with_ = nullptr;
  std::map<std::string, BoundValue> bound_;
  std::set<std::string> reads_;  // found again in the substituted templates, per step
};

// A password bound inside the used plan (`old_db: {type: database, password: db_password}`)
// binds the caller's database param passed for it to the caller's secret passed for the secret.
void carry_password_bindings(const ActionGraph& used, const std::map<std::string, BoundValue>& arguments,
                             std::vector<ParamNode>& params) {
  auto passed = [&](const std::string& name) {
    auto found = arguments.find(name);
    return found == arguments.end() ? std::string() : plain_param(found->second);
  };
  for (const ParamNode& param : used.params) {
    if (param.password_param.empty()) continue;
    std::string database = passed(param.name);
    std::string secret = passed(param.password_param);
    auto caller = std::find_if(params.begin(), params.end(), [&](const ParamNode& p) { return p.name == database; });
    if (secret.empty() || caller == params.end() || !caller->password_param.empty()) continue;
    caller->password_param = secret;
    caller->password_location = param.password_location;
  }
}

StepDraft linked_step(const UseEntry& use, const StepNode& step, const Substitution& substitution,
                      const std::vector<std::pair<std::string, SourceLocation>>& first_needs) {
  StepDraft draft;
  draft.node = step;
  draft.node.id = substitution.prefix + step.id;
  draft.node.needs.clear();
  draft.position = use.position;
  for (auto& [name, value] : draft.node.with) {
    value = substitute(value, substitution);
    collect_output_reads(value, draft.reads_outputs_of);
  }
  if (step.when) {
    draft.node.when = std::make_shared<const BoundValue>(substitute(*step.when, substitution));
    collect_output_reads(*draft.node.when, draft.reads_outputs_of);
  }
  for (size_t needed : step.needs)
    draft.needs.emplace_back(substitution.prefix + use.graph->steps[needed].id, step.location);
  if (step.needs.empty()) draft.needs = first_needs;
  return draft;
}

}  // namespace

std::vector<UseEntry> read_use_entries(const ast::Node& steps, PlanLibrary* library, Diagnostics& diagnostics) {
  std::vector<UseEntry> uses;
  NodeReader reader(diagnostics);
  for (size_t i = 0; i < steps.items.size(); ++i) {
    const ast::Node& item = steps.items[i];
    if (!item.is_mapping() || !item.find("use")) continue;
    if (auto entry = read_use_entry(item, i, library, reader, diagnostics)) uses.push_back(std::move(*entry));
  }
  return uses;
}

void add_used_names(std::vector<UseEntry>& uses, NameTable& names, Diagnostics& diagnostics) {
  std::set<std::string> use_ids;
  for (UseEntry& use : uses) {
    const SourceLocation& where = use.node->find("id")->location;
    if (names.step_outputs.count(use.id) || names.broken_steps.count(use.id) || !use_ids.insert(use.id).second) {
      diagnostics.error(where, "duplicate step id '" + use.id + "'");
      use.graph = nullptr;
      continue;
    }
    if (!use.graph) {
      names.broken_steps.insert(use.id);
      continue;
    }
    for (const StepNode& step : use.graph->steps)
      names.step_outputs.emplace(use.id + "." + step.id, &find_step_schema(step.type)->outputs);
  }
}

std::vector<StepDraft> link_used_steps(const std::vector<UseEntry>& uses, const NameTable& names,
                                       std::vector<ParamNode>& params, Diagnostics& diagnostics) {
  std::vector<StepDraft> drafts;
  NodeReader reader(diagnostics);
  for (const UseEntry& use : uses) {
    if (!use.graph) continue;
    ArgumentBinder arguments(use, names, diagnostics);
    auto substitution = arguments.bind();
    if (!substitution) continue;
    carry_password_bindings(*use.graph, arguments.bound(), params);
    auto first_needs = entry_needs(*use.node, reader);
    for (const StepNode& step : use.graph->steps) drafts.push_back(linked_step(use, step, *substitution, first_needs));
  }
  return drafts;
}

void expand_needs_on_uses(std::vector<StepDraft>& drafts, const std::vector<UseEntry>& uses) {
  std::map<std::string, std::vector<std::string>> last_steps;
  for (const UseEntry& use : uses) {
    if (!use.graph) continue;
    std::vector<bool> needed(use.graph->steps.size(), false);
    for (const StepNode& step : use.graph->steps)
      for (size_t index : step.needs) needed[index] = true;
    for (size_t i = 0; i < needed.size(); ++i)
      if (!needed[i]) last_steps[use.id].push_back(use.id + "." + use.graph->steps[i].id);
  }
  for (StepDraft& draft : drafts) {
    std::vector<std::pair<std::string, SourceLocation>> needs;
    for (auto& [id, where] : draft.needs) {
      auto use = last_steps.find(id);
      if (use == last_steps.end()) {
        needs.emplace_back(std::move(id), where);
        continue;
      }
      for (const std::string& last : use->second) needs.emplace_back(last, where);
    }
    draft.needs = std::move(needs);
  }
}

}  // namespace planrun
