// The worked example of docs/STEP_KIT.md, compiled and run against the kit's fakes, so the
// guide stays true: a step type written from the guide builds and behaves as it says.

#include <gtest/gtest.h>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_type.h"
#include "tests/support/fake_services.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// steps/touch_file/touch_file_fields.h and .cc: the catalogue entry.
struct TouchFileFields {
  StepField<std::filesystem::path> path =
      StepField<std::filesystem::path>::required("path", types::path(), "the marker file to write");
  StepField<std::string> text =
      StepField<std::string>::with_default("text", types::string(), "done", "what the file holds");
};

const TouchFileFields& touch_file_fields() {
  static const TouchFileFields declared;
  return declared;
}

const StepSchema& touch_file_schema() {
  const TouchFileFields& f = touch_file_fields();
  static const StepSchema schema = make_step_schema("touch-file", 1, "writes a marker file", StepSchema::Effect::Create,
                                                    {f.path.spec(), f.text.spec()}, {}, {"path"});
  return schema;
}

// steps/touch_file/touch_file_step.h and .cc: the action.
const TouchFileFields& fields() { return touch_file_fields(); }

class TouchFileStep final : public StepType {
 public:
  const StepSchema& schema() const override { return touch_file_schema(); }
  std::vector<std::string> describe(const DescribeContext& context) const override {
    return {context.masker.mask("would write " + fields().path.read(context.fields).string())};
  }
  void run(StepContext& context) const override {
    std::filesystem::path path = fields().path.read(context.fields);
    context.services.files->write_durably(path, fields().text.read(context.fields));
    context.outputs["path"] = Value(path.string());
  }
};

TEST(WorkedExample, TheGuidesStepTypeWritesItsFileWithTheDeclaredDefault) {
  testing::StepFixture fixture("touch-file");
  testing::FakeServices fakes;
  fakes.files.create_directories("/new-home");
  StepContext context = fixture.context({{"path", "/new-home/.upgraded"}});
  context.services = fakes.services();
  TouchFileStep().run(context);
  EXPECT_EQ(fakes.files.files["/new-home/.upgraded"], "done");
  EXPECT_EQ(context.outputs["path"], Value("/new-home/.upgraded"));
}

TEST(WorkedExample, TheGuidesStepTypeSchemaIsMadeOfItsFields) {
  const StepSchema& schema = TouchFileStep().schema();
  ASSERT_EQ(schema.with.fields.size(), 2u);
  EXPECT_EQ(schema.with.fields[0].name, "path");
  EXPECT_TRUE(schema.with.fields[0].required);
  EXPECT_EQ(schema.with.fields[1].default_value, Value("done"));
}

TEST(WorkedExample, AFullDiskFailsTheStepWithItsCause) {
  testing::StepFixture fixture("touch-file");
  testing::FakeServices fakes;
  fakes.files.refuse_writes = "No space left on device";
  StepContext context = fixture.context({{"path", "/new-home/.upgraded"}});
  context.services = fakes.services();
  try {
    TouchFileStep().run(context);
    FAIL() << "no failure";
  } catch (const EnvironmentError& error) {
    EXPECT_STREQ(error.what(), "cannot write '/new-home/.upgraded': No space left on device");
  }
}

}  // namespace
}  // namespace planrun
