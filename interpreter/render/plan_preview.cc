#include "interpreter/render/plan_preview.h"

#include <algorithm>

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/step_registry.h"
#include "interpreter/values/duration.h"
#include "interpreter/values/secret_texts.h"

namespace planrun {

namespace {

// One field for display: evaluated where possible, as written where it must wait for the run.
std::string show(const BoundValue& bound, const PlanScope& scope, Diagnostics& diagnostics) {
  switch (bound.kind) {
    case BoundValue::Kind::Literal: return bound.literal.display();
    case BoundValue::Kind::Template:
      try {
        return evaluate_bound(bound, scope).display();
      } catch (const expr::NotYetKnown&) {
        return bound.text;
      } catch (const expr::ExpressionError& error) {
        diagnostics.error(bound.location, error.what());
        return bound.text;
      }
    case BoundValue::Kind::List: {
      std::string out = "[";
      for (const BoundValue& item : bound.items) out += (out.size() > 1 ? ", " : "") + show(item, scope, diagnostics);
      return out + "]";
    }
    case BoundValue::Kind::Map: {
      std::string out = "{";
      for (const auto& [key, item] : bound.entries)
        out += (out.size() > 1 ? ", " : "") + key + ": " + show(item, scope, diagnostics);
      return out + "}";
    }
  }
  return "";
}

std::string show_params(const ActionGraph& graph, const ParamValues& params) {
  if (graph.params.empty()) return "";
  size_t width = 0;
  for (const ParamNode& param : graph.params) width = std::max(width, param.name.size());
  std::string out = "Parameters:\n";
  for (const ParamNode& param : graph.params) {
    auto value = params.find(param.name);
    std::string shown = value == params.end() ? "(unset)" : value->second.display();
    out += "  " + param.name + std::string(width - param.name.size(), ' ') + " = " + shown + "\n";
  }
  return out + "\n";
}

std::string show_options(const StepNode& step, const ActionGraph& graph, const PlanScope& scope,
                         Diagnostics& diagnostics) {
  std::string out;
  if (!step.needs.empty()) {
    std::string needs;
    for (size_t need : step.needs) needs += (needs.empty() ? "" : ", ") + graph.steps[need].id;
    out += "      needs: " + needs + "\n";
  }
  if (step.when) {
    std::string shown = show(*step.when, scope, diagnostics);
    std::string written = step.when->kind == BoundValue::Kind::Template ? step.when->text : shown;
    out += "      when: " + written + (written == shown ? "" : "  -> " + shown) + "\n";
  }
  if (step.retry.attempts > 1)
    out += "      retry: " + std::to_string(step.retry.attempts) + " attempts, " +
           format_duration(step.retry.delay) + " apart\n";
  if (step.timeout) out += "      timeout: " + format_duration(*step.timeout) + "\n";
  if (step.continue_on_error) out += "      continue_on_error: true\n";
  return out;
}

// Masks the texts of the secrets among a step's fields in what its type's describe says.
class FieldSecretsMasker final : public SecretMasker {
 public:
  explicit FieldSecretsMasker(const Value::Map& fields) {
    for (const auto& [name, value] : fields) secrets_.add(value);
  }
  std::string mask(const std::string& text) const override { return secrets_.mask(text); }

 private:
  SecretTexts secrets_;
};

// What the step type says the step would do ("=> would run: ..."), when its fields are all
// known before the run; nothing when one waits for a step's outputs or cannot be evaluated
// (that is reported with the field).
std::string show_description(const StepNode& step, const PlanScope& scope,
                             const std::map<std::string, std::string>& checkpoints, Diagnostics& diagnostics) {
  const StepType* type = find_step_type(step.type);
  if (!type) return "";
  try {
    Value::Map fields;
    for (const auto& [name, bound] : step.with) fields[name] = evaluate_bound(bound, scope);
    FieldSecretsMasker masker(fields);
    std::string out;
    DescribeContext context{step, fields, masker};
    context.checkpoints = checkpoints;
    for (const std::string& line : type->describe(context)) out += "      => " + line + "\n";
    return out;
  } catch (const expr::NotYetKnown&) {
  } catch (const expr::ExpressionError&) {
  } catch (const DescribedFailure& failure) {
    diagnostics.error(step.location, "step '" + step.id + "' would fail: " + failure.what());
  } catch (const StepFailure&) {
  }
  return "";
}

std::string show_step(size_t number, const StepNode& step, const ActionGraph& graph, const PlanScope& scope,
                      const std::map<std::string, std::string>& forecast, Diagnostics& diagnostics,
                      const std::map<std::string, std::map<std::string, std::string>>& checkpoints) {
  std::string out = "  " + std::to_string(number) + ". " + step.id + " (" + step.type + ")";
  auto expected = forecast.find(step.id);
  out += (expected == forecast.end() ? "" : "  -> " + expected->second) + "\n";
  if (!step.description.empty()) out += "      # " + step.description + "\n";
  out += show_options(step, graph, scope, diagnostics);
  for (const auto& [name, bound] : step.with) out += "      " + name + ": " + show(bound, scope, diagnostics) + "\n";
  auto resumed = checkpoints.find(step.id);
  return out + show_description(step, scope,
                                resumed == checkpoints.end() ? std::map<std::string, std::string>{} : resumed->second,
                                diagnostics);
}

}  // namespace

std::string preview_plan(const ActionGraph& graph, const ParamValues& params, const PlanScope& scope,
                         const std::map<std::string, std::string>& forecast, Diagnostics& diagnostics,
                         const std::map<std::string, std::map<std::string, std::string>>& checkpoints) {
  std::string out = "Plan " + (graph.name.empty() ? graph.source_path : graph.name);
  out += graph.description.empty() ? "\n\n" : ": " + graph.description + "\n\n";
  out += show_params(graph, params);
  std::vector<std::vector<size_t>> waves = parallel_waves(graph);
  size_t number = 0;
  for (size_t w = 0; w < waves.size(); ++w) {
    size_t size = waves[w].size();
    out += "Wave " + std::to_string(w + 1) +
           (size > 1 ? " (" + std::to_string(size) + " steps, may run in parallel)" : "") + ":\n";
    for (size_t index : waves[w]) out += show_step(++number, graph.steps[index], graph, scope, forecast, diagnostics, checkpoints);
    out += "\n";
  }
  out += std::to_string(graph.steps.size()) + " steps in " + std::to_string(waves.size()) + " waves.\n";
  return out;
}

}  // namespace planrun
