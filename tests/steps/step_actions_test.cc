#include <gtest/gtest.h>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/run/run_step.h"
#include "interpreter/steps/step_registry.h"
#include "interpreter/steps/wait_for/wait_for_step.h"

namespace planrun {
namespace {

TEST(StepActions, MapsStepTypesToTheirActions) {
  EXPECT_NE(dynamic_cast<const RunStep*>(find_step_action("run")), nullptr);
  EXPECT_NE(dynamic_cast<const WaitForStep*>(find_step_action("wait-for")), nullptr);
  EXPECT_NE(dynamic_cast<const ConfirmStep*>(find_step_action("confirm")), nullptr);
}

TEST(StepActions, TypesWithoutActionGiveNull) {
  EXPECT_EQ(find_step_action("no-such-type"), nullptr);
}

TEST(StepActions, EveryActionHasASchema) {
  for (const char* type : {"run", "wait-for", "confirm"}) EXPECT_NE(find_step_schema(type), nullptr) << type;
}

}  // namespace
}  // namespace planrun
