#include "interpreter/steps/step_registry.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interpreter/steps/step_catalog.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

const FieldSpec* field(const StepSchema& schema, const std::string& name) {
  for (const FieldSpec& spec : schema.with.fields)
    if (spec.name == name) return &spec;
  return nullptr;
}

TEST(StepRegistry, EveryTypeOfTheCatalogueRunsInTheCatalogueOrder) {
  std::vector<std::string> runnable;
  for (const StepType* type : step_types()) runnable.push_back(type->schema().type);
  EXPECT_EQ(runnable, step_type_names())
      << "step_registry.cc and step_catalog.cc must list the same types in the same order";
}

TEST(StepRegistry, AnActionIsTheCatalogueEntryOfItsType) {
  ASSERT_EQ(step_types().size(), step_schemas().size());
  for (size_t i = 0; i < step_types().size(); ++i) {
    const StepSchema& declared = step_types()[i]->schema();
    const StepSchema& listed = step_schemas()[i];
    EXPECT_EQ(declared.type, listed.type);
    ASSERT_EQ(declared.with.fields.size(), listed.with.fields.size()) << listed.type;
    for (size_t field = 0; field < listed.with.fields.size(); ++field)
      EXPECT_EQ(declared.with.fields[field].name, listed.with.fields[field].name) << listed.type;
    EXPECT_EQ(declared.outputs, listed.outputs) << listed.type;
  }
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
