#include <gtest/gtest.h>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/run/run_step.h"
#include "interpreter/steps/step_catalog.h"
#include "interpreter/steps/step_registry.h"
#include "interpreter/steps/wait_for/wait_for_step.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(StepActions, MapsStepTypesToTheirActions) {
  EXPECT_NE(dynamic_cast<const RunStep*>(find_step_type("run")), nullptr);
  EXPECT_NE(dynamic_cast<const WaitForStep*>(find_step_type("wait-for")), nullptr);
  EXPECT_NE(dynamic_cast<const ConfirmStep*>(find_step_type("confirm")), nullptr);
}

TEST(StepActions, AnUnknownTypeHasNoAction) {
  EXPECT_EQ(find_step_type("no-such-type"), nullptr);
  EXPECT_EQ(find_step_type(""), nullptr);
}

TEST(StepActions, EveryActionHasASchemaInTheCatalogue) {
  for (const StepType* type : step_types())
    EXPECT_NE(find_step_schema(type->schema().type), nullptr) << type->schema().type;
}

}  // namespace
}  // namespace planrun
