#include "interpreter/steps/step_registry.h"

#include <gtest/gtest.h>

#include <set>

namespace planrun {
namespace {

const FieldSpec* field(const StepSchema& schema, const std::string& name) {
  for (const FieldSpec& spec : schema.with.fields)
    if (spec.name == name) return &spec;
  return nullptr;
}

TEST(StepRegistry, EveryTypeOfTheCatalogueRuns) {
  std::set<std::string> runnable;
  for (const RegisteredStepType& registered : registered_step_types())
    if (registered.type) runnable.insert(registered.schema.type);
  // Every type of the catalogue runs.
  std::set<std::string> catalogue;
  for (const RegisteredStepType& registered : registered_step_types()) catalogue.insert(registered.schema.type);
  EXPECT_EQ(runnable, catalogue);
  EXPECT_EQ(runnable.size(), 15u);
}

TEST(StepRegistry, ARunnableTypeRegistersTheSchemaItDeclares) {
  for (const RegisteredStepType& registered : registered_step_types()) {
    ASSERT_NE(registered.type, nullptr) << registered.schema.type;
    EXPECT_EQ(registered.schema.type, registered.type->schema().type);
  }
  const StepType* run = find_step_type("run");
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->schema().type, "run");
  EXPECT_EQ(find_step_schema("run")->with.fields.size(), run->schema().with.fields.size());
}

TEST(StepRegistry, TimeoutsIntervalsAndParallelismAreTuningNotFingerprinted) {
  EXPECT_TRUE(field(*find_step_schema("run"), "timeout")->tuning);
  EXPECT_TRUE(field(*find_step_schema("wait-for"), "timeout")->tuning);
  EXPECT_TRUE(field(*find_step_schema("wait-for"), "interval")->tuning);
  EXPECT_TRUE(field(*find_step_schema("copy-db"), "jobs")->tuning);
  EXPECT_TRUE(field(*find_step_schema("copy-db"), "batch_rows")->tuning);
  EXPECT_FALSE(field(*find_step_schema("run"), "command")->tuning);
  EXPECT_FALSE(field(*find_step_schema("copy-db"), "verify")->tuning);
}

TEST(StepRegistry, StepTypesStartOverByDefaultWhenTheirInputsChanged) {
  for (const char* type : {"run", "wait-for", "confirm"})
    EXPECT_EQ(find_step_type(type)->on_changed_inputs(), StepType::OnChangedInputs::StartOver) << type;
}

}  // namespace
}  // namespace planrun
