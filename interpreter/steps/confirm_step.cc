#include "interpreter/steps/confirm_step.h"

#include "interpreter/executor/step_failure.h"
#include "interpreter/steps/step_fields.h"
#include "interpreter/steps/step_secret_masker.h"

namespace planrun {

void ConfirmStep::run(StepContext& context) const {
  using Kind = StepFailure::Kind;
  StepSecretMasker masker(context);
  std::string message = masker.mask(required_field(context, "message").to_text());
  if (context.interaction.assume_yes) {
    context.log.info("approved by --yes: " + message);
    return;
  }
  if (!context.interaction.interactive || !context.interaction.ask)
    throw StepFailure(Kind::Precondition, "confirmation needed: " + message +
                                              "; run on a terminal to answer, or pass --yes to approve unattended");
  if (context.cancel.requested()) throw StepFailure(Kind::Cancelled, "the run was interrupted before confirmation");
  if (!context.interaction.ask(message)) throw StepFailure(Kind::Precondition, "not confirmed: " + message);
  context.log.info("confirmed by the operator: " + message);
}

}  // namespace planrun
