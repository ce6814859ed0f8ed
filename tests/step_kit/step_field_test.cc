#include "interpreter/step_kit/step_field.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using std::chrono::milliseconds;

TEST(StepField, AnAbsentFieldReadsAsItsDeclaredDefault) {
  auto interval = StepField<milliseconds>::with_default("interval", types::duration(), "1s", "pause");
  EXPECT_EQ(interval.read({}), milliseconds(1000));
  EXPECT_EQ(interval.read({{"interval", "5m"}}), milliseconds(300000));
  EXPECT_EQ(interval.read({{"interval", Value()}}), milliseconds(1000)) << "null is absent";
}

TEST(StepField, TheSchemaSeesTheSameNameAndDefaultTheActionReads) {
  auto jobs = StepField<int64_t>::with_default("jobs", types::integer(), 2, "tables at once").as_tuning();
  EXPECT_EQ(jobs.spec().name, "jobs");
  EXPECT_EQ(jobs.spec().default_value, Value(2));
  EXPECT_TRUE(jobs.spec().tuning);
  EXPECT_FALSE(jobs.spec().required);
  EXPECT_EQ(jobs.read({}), 2);
}

TEST(StepField, AMissingRequiredFieldFailsTheStepNamingIt) {
  auto command = StepField<std::string>::required("command", types::string(), "the command");
  EXPECT_FALSE(command.find({}));
  try {
    command.read({});
    FAIL() << "no failure";
  } catch (const StepFailure& failure) {
    EXPECT_STREQ(failure.what(), "field 'command' is required");
  }
}

TEST(StepField, AValueOfTheWrongShapeFailsTheStepNamingTheField) {
  auto ports = StepField<std::vector<int64_t>>::optional("ports", types::list_of(types::integer()), "ports");
  try {
    ports.read({{"ports", Value::List{"x"}}});
    FAIL() << "no failure";
  } catch (const StepFailure& failure) {
    EXPECT_STREQ(failure.what(), "field 'ports' holds [x] (list), not a list of integers");
  }
}

TEST(StepField, FieldsAreNotTuningUnlessMarked) {
  auto file = StepField<std::string>::optional("file", types::path(), "a file");
  EXPECT_FALSE(file.spec().tuning);
}

}  // namespace
}  // namespace planrun
