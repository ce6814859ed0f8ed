// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/smoke_test/smoke_test_step.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/smoke_test/smoke_check.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const std::vector<const SmokeCheckKind*>& check_kinds() {
  static const std::vector<const SmokeCheckKind*> kinds{&sql_check(), &http_check(), &command_check(), &file_check(), &schema_check()};
  return kinds;
}

const SmokeTestFields& fields() { return smoke_test_fields(); }

// One check as the plan gave it: its kind, its object, and its label.
struct GivenCheck {
  const SmokeCheckKind* kind;
  Value::Map fields;
  std::string name;
};

std::vector<GivenCheck> given_checks(const Value::Map& given) {
  std::vector<GivenCheck> checks;
  Value all = fields().checks.read(given);
  if (!all.is_list()) throw StepFailure(Kind::Failed, "field 'checks' holds " + all.display() + ", not a list");
  const Value::List& list = all.as_list();
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_map()) throw StepFailure(Kind::Failed, "checks[" + std::to_string(i) + "] is not a map");
    const Value::Map& check = list[i].as_map();
    for (const SmokeCheckKind* kind : check_kinds()) {
      auto found = check.find(kind->key());
      if (found == check.end() || !found->second.is_map()) continue;
      auto name = check.find("name");
      std::string label = name != check.end() ? name->second.to_text() : "check " + std::to_string(i + 1) + " (" + kind->key() + ")";
      checks.push_back({kind, found->second.as_map(), label});
    }
  }
  return checks;
}

}  // namespace

const StepSchema& SmokeTestStep::schema() const { return smoke_test_schema(); }

std::vector<std::string> SmokeTestStep::describe(const DescribeContext& context) const {
  std::vector<std::string> lines;
  for (const GivenCheck& check : given_checks(context.fields))
    lines.push_back(context.masker.mask(check.name + ": " + check.kind->describe(check.fields)));
  return lines;
}

void SmokeTestStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  std::vector<std::string> failures;
  int64_t passed = 0;
  for (const GivenCheck& check : given_checks(context.fields)) {
    if (context.cancel.requested()) throw StepFailure(Kind::Cancelled, "the run was interrupted between checks");
    CheckOutcome outcome = check.kind->run(check.fields, context);
    if (outcome.passed) {
      ++passed;
      context.log.info(masker.mask("passed: " + check.name + ": " + outcome.expected));
      continue;
    }
    std::string failure = check.name + ": expected " + outcome.expected + ", got " + outcome.actual;
    context.log.warn(masker.mask("FAILED: " + failure));
    failures.push_back(failure);
  }
  context.outputs["passed"] = Value(passed);
  context.outputs["failed"] = Value(static_cast<int64_t>(failures.size()));
  if (failures.empty()) return;
  std::string message = std::to_string(failures.size()) + " of " + std::to_string(passed + static_cast<int64_t>(failures.size())) +
                        " checks failed";
  for (const std::string& failure : failures) message += "\n  " + failure;
  throw StepFailure(Kind::Precondition, masker.mask(message));
}

}  // namespace planrun
