#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/confirm/confirm_fields.h"

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const StepField<std::string>& message_field() { return confirm_fields().message; }

}  // namespace

const StepSchema& ConfirmStep::schema() const { return confirm_schema(); }

std::vector<std::string> ConfirmStep::describe(const DescribeContext& context) const {
  return {context.masker.mask("would ask the operator: " + message_field().read(context.fields))};
}

void ConfirmStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  std::string message = masker.mask(message_field().read(context.fields));
  if (context.interaction.assume_yes) {
    context.log.info("approved by --yes: " + message);
    return;
  }
  if (!context.interaction.interactive || !context.interaction.ask)
    throw StepFailure(Kind::Precondition, "confirmation needed: " + message +
                                              "; run on a terminal to answer, or pass --yes to approve unattended");
  if (context.cancel.requested()) throw StepFailure(Kind::Cancelled, "the run was interrupted before confirmation");
  // Several confirm steps may wait at once; the question names the step so the operator knows
  // which gate each answer opens.
  std::optional<bool> answer = context.interaction.ask("[" + context.step.id + "] " + message, context.cancel);
  if (!answer) throw StepFailure(Kind::Cancelled, "the run was interrupted while waiting for confirmation");
  if (!*answer) throw StepFailure(Kind::Precondition, "not confirmed: " + message);
  context.log.info("confirmed by the operator: " + message);
}

}  // namespace planrun
