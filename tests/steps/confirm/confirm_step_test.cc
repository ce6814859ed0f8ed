#include "interpreter/steps/confirm/confirm_step.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = StepFailure::Kind;

StepFailure failure_of(StepContext& context) {
  try {
    ConfirmStep().run(context);
  } catch (const StepFailure& failure) {
    return failure;
  }
  ADD_FAILURE() << "the step did not fail";
  return StepFailure(Kind::Failed, "");
}

// An operator at a terminal who gives `answer` and remembers the questions.
struct Operator {
  bool answer;
  std::vector<std::string> questions;
  void sit_at(testing::StepFixture& fixture) {
    fixture.interaction.interactive = true;
    fixture.interaction.ask = [this](const std::string& question, const CancellationToken&) -> std::optional<bool> {
      questions.push_back(question);
      return answer;
    };
  }
};

const Value::Map fields{{"message", "switch production to the staging database"}};

TEST(ConfirmStep, YesApprovesWithoutAsking) {
  testing::StepFixture fixture("confirm");
  Operator person{false, {}};
  person.sit_at(fixture);
  fixture.interaction.assume_yes = true;
  StepContext context = fixture.context(fields);
  ConfirmStep().run(context);
  EXPECT_TRUE(person.questions.empty());
  EXPECT_EQ(fixture.log.infos, (std::vector<std::string>{"approved by --yes: switch production to the staging database"}));
}

TEST(ConfirmStep, OperatorWhoAnswersYesLetsTheRunGoOn) {
  testing::StepFixture fixture("confirm");
  Operator person{true, {}};
  person.sit_at(fixture);
  StepContext context = fixture.context(fields);
  ConfirmStep().run(context);
  EXPECT_EQ(person.questions, (std::vector<std::string>{"[the-step] switch production to the staging database"}));
}

TEST(ConfirmStep, APromptInterruptedByCtrlCCancelsTheStep) {
  testing::StepFixture fixture("confirm");
  fixture.interaction.interactive = true;
  fixture.interaction.ask = [](const std::string&, const CancellationToken&) -> std::optional<bool> {
    return std::nullopt;
  };
  StepContext context = fixture.context(fields);
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Cancelled);
  EXPECT_STREQ(failure.what(), "the run was interrupted while waiting for confirmation");
}

TEST(ConfirmStep, OperatorWhoAnswersNoStopsTheRun) {
  testing::StepFixture fixture("confirm");
  Operator person{false, {}};
  person.sit_at(fixture);
  StepContext context = fixture.context(fields);
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_STREQ(failure.what(), "not confirmed: switch production to the staging database");
}

TEST(ConfirmStep, WithoutTerminalOrYesItSaysHowToProceed) {
  testing::StepFixture fixture("confirm");
  StepContext context = fixture.context(fields);
  StepFailure failure = failure_of(context);
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_STREQ(failure.what(),
               "confirmation needed: switch production to the staging database; run on a terminal to answer, "
               "or pass --yes to approve unattended");
}

TEST(ConfirmStep, SecretsInTheMessageAreMasked) {
  testing::StepFixture fixture("confirm");
  Operator person{true, {}};
  person.sit_at(fixture);
  StepContext context = fixture.context({{"message", Value("use password hunter2?").mark_secret()}});
  fixture.masker.secrets = {"hunter2"};
  ConfirmStep().run(context);
  EXPECT_EQ(person.questions, (std::vector<std::string>{"[the-step] use password ***?"}));
}

}  // namespace
}  // namespace planrun
