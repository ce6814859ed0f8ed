#include "interpreter/frontend/yaml_step_list_cuts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

// A plan text and where each item of its `steps:` list starts.
struct Plan {
  std::string text;
  std::vector<size_t> items;

  void add_line(const std::string& line) { text += line + "\n"; }
  void add_item(const std::string& first_line) {
    items.push_back(text.size());
    add_line(first_line);
  }
};

constexpr const char* kHeader = "planrun: 1\nname: cuts\n";

// `count` steps of the same length, their items `indent` columns in.
Plan plan_with_steps(size_t count, size_t indent = 2) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:");
  std::string pad(indent, ' ');
  for (size_t i = 0; i < count; ++i) {
    char id[24];  // "s" and up to 20 digits of a size_t
    snprintf(id, sizeof id, "s%05zu", i);
    plan.add_item(pad + "- id: " + id);
    plan.add_line(pad + "  type: run");
    plan.add_line(pad + "  with: {command: [/bin/true]}");
  }
  return plan;
}

// No number of parts from 2 to 12 cuts `text`: it is parsed whole.
void expect_no_cuts_for_any_parts(const std::string& text) {
  for (size_t parts = 2; parts <= 12; ++parts)
    EXPECT_EQ(step_list_cuts(text, parts), std::vector<size_t>{}) << parts << " parts";
}

// The line of `text` that starts at `offset`, without its newline.
std::string line_at(const std::string& text, size_t offset) {
  return text.substr(offset, text.find('\n', offset) - offset);
}

// Every cut, for every number of parts up to 12, is the start of one of `items`; cuts rise
// strictly, number at most parts - 1, and none lies before the second item.
void expect_cuts_only_at_items(const Plan& plan) {
  for (size_t parts = 2; parts <= 12; ++parts) {
    SCOPED_TRACE(std::to_string(parts) + " parts");
    std::vector<size_t> cuts = step_list_cuts(plan.text, parts);
    EXPECT_LE(cuts.size(), parts - 1);
    for (size_t i = 0; i < cuts.size(); ++i) {
      EXPECT_TRUE(std::count(plan.items.begin(), plan.items.end(), cuts[i]))
          << "cut at line '" << line_at(plan.text, cuts[i]) << "'";
      EXPECT_GE(cuts[i], plan.items.at(1));
      if (i > 0) {
        EXPECT_GT(cuts[i], cuts[i - 1]);
      }
    }
  }
}

TEST(StepListCuts, NoneForFewerThanTwoParts) {
  Plan plan = plan_with_steps(20);
  EXPECT_TRUE(step_list_cuts(plan.text, 0).empty());
  EXPECT_TRUE(step_list_cuts(plan.text, 1).empty());
  EXPECT_FALSE(step_list_cuts(plan.text, 2).empty());
}

TEST(StepListCuts, CutAtStartsOfItems) { expect_cuts_only_at_items(plan_with_steps(40)); }

TEST(StepListCuts, GiveOneCutLessThanPartsWhenItemsAreMany) {
  Plan plan = plan_with_steps(100);
  for (size_t parts = 2; parts <= 12; ++parts)
    EXPECT_EQ(step_list_cuts(plan.text, parts).size(), parts - 1) << parts << " parts";
}

TEST(StepListCuts, SpreadEvenly) {
  Plan plan = plan_with_steps(100);
  size_t item_length = plan.items[1] - plan.items[0];
  for (size_t parts : {2, 3, 4, 7}) {
    std::vector<size_t> cuts = step_list_cuts(plan.text, parts);
    ASSERT_EQ(cuts.size(), parts - 1);
    for (size_t i = 0; i < cuts.size(); ++i) {
      size_t even = plan.text.size() * (i + 1) / parts;
      EXPECT_LE(cuts[i] > even ? cuts[i] - even : even - cuts[i], item_length)
          << "cut " << i << " of " << parts << " parts";
    }
  }
}

TEST(StepListCuts, NeverCutBeforeTheSecondItem) {
  // A long header puts the even cut points before the steps.
  Plan plan;
  plan.text = kHeader;
  for (int i = 0; i < 200; ++i) plan.add_line("# a long comment that makes the header weigh more than the steps");
  plan.add_line("steps:");
  for (const char* id : {"a", "b", "c"}) plan.add_item("  - id: " + std::string(id));
  for (size_t parts = 2; parts <= 12; ++parts) {
    std::vector<size_t> cuts = step_list_cuts(plan.text, parts);
    ASSERT_FALSE(cuts.empty()) << parts << " parts";
    EXPECT_EQ(cuts.front(), plan.items[1]) << parts << " parts";
  }
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, NoMoreCutsThanItemsAfterTheFirst) {
  Plan plan = plan_with_steps(3);
  EXPECT_EQ(step_list_cuts(plan.text, 12), (std::vector<size_t>{plan.items[1], plan.items[2]}));
}

TEST(StepListCuts, NoneForASingleItem) { expect_no_cuts_for_any_parts(plan_with_steps(1).text); }

TEST(StepListCuts, NoneForAnEmptyStepList) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps:\n");
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps: []\n");
}

TEST(StepListCuts, NoneWithoutSteps) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "params:\n  - a\n  - b\n  - c\n");
  expect_no_cuts_for_any_parts("");
}

TEST(StepListCuts, NoneForStepsInFlowStyle) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps: [{id: a}, {id: b}, {id: c}]\n");
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps: [\n  {id: a},\n  {id: b},\n  {id: c}\n]\n");
}

TEST(StepListCuts, NoneWhenAKeyFollowsTheStepList) {
  expect_no_cuts_for_any_parts(plan_with_steps(20).text + "description: after the steps\n");
  expect_no_cuts_for_any_parts(plan_with_steps(20, 0).text + "description: after the steps\n");
}

TEST(StepListCuts, NoneWhenTheStepListIsAMapping) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps:\n  a: {type: run}\n  b: {type: run}\n  c: {type: run}\n");
}

TEST(StepListCuts, NoneWithDocumentMarkersOrDirectives) {
  std::string steps = plan_with_steps(20).text;
  expect_no_cuts_for_any_parts("---\n" + steps);
  expect_no_cuts_for_any_parts(steps + "...\n");
  expect_no_cuts_for_any_parts(steps + "---\nname: second\n");
  expect_no_cuts_for_any_parts("%YAML 1.2\n---\n" + steps);
  expect_no_cuts_for_any_parts("%TAG ! tag:example.com,2000:\n---\n" + steps);
}

TEST(StepListCuts, NoneWhenStepsHasAValueOnItsLine) {
  std::string items = "  - id: a\n  - id: b\n  - id: c\n";
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps: &all\n" + items);
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps: !!seq\n" + items);
  expect_no_cuts_for_any_parts(std::string(kHeader) + "  steps:\n" + items);  // not at the top level
}

TEST(StepListCuts, StepsWithACommentOnItsLineStillCut) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:   # the work");
  for (const char* id : {"a", "b", "c"}) plan.add_item("  - id: " + std::string(id));
  EXPECT_EQ(step_list_cuts(plan.text, 2), std::vector<size_t>{plan.items[1]});
}

TEST(StepListCuts, ItemsAtIndentZero) {
  Plan plan = plan_with_steps(40, 0);
  EXPECT_EQ(step_list_cuts(plan.text, 4).size(), 3u);
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, ItemsAtIndentTwo) {
  Plan plan = plan_with_steps(40, 2);
  EXPECT_EQ(step_list_cuts(plan.text, 4).size(), 3u);
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, NoneWhenItemsChangeIndentation) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps:\n  - id: a\n  - id: b\n- id: c\n  - id: d\n");
}

TEST(StepListCuts, EmptyItemsAreItems) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:");
  for (int i = 0; i < 30; ++i) plan.add_item("  -");
  EXPECT_EQ(step_list_cuts(plan.text, 4).size(), 3u);
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, CommentsAndBlankLinesInTheListAreNotCutPoints) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:");
  for (int i = 0; i < 30; ++i) {
    plan.add_line("");
    plan.add_line("# step " + std::to_string(i) + ", at column 0");
    plan.add_line("  # - id: not-a-step, at the items' column");
    plan.add_line("   ");
    plan.add_item("  - id: s" + std::to_string(i));
    plan.add_line("    type: run  # - trailing");
    plan.add_line("");
  }
  expect_cuts_only_at_items(plan);
  EXPECT_EQ(step_list_cuts(plan.text, 5).size(), 4u);
}

TEST(StepListCuts, NestedListItemsAreNotCutPoints) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:");
  for (int i = 0; i < 30; ++i) {
    plan.add_item("  - id: s" + std::to_string(i));
    plan.add_line("    needs:");
    plan.add_line("    - x");
    plan.add_line("    - y");
    plan.add_line("    with:");
    plan.add_line("      command:");
    plan.add_line("        - /bin/echo");
    plan.add_line("        - - nested");
  }
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, NestedListItemsUnderItemsAtIndentZeroAreNotCutPoints) {
  Plan plan;
  plan.text = kHeader;
  plan.add_line("steps:");
  for (int i = 0; i < 30; ++i) {
    plan.add_item("- id: s" + std::to_string(i));
    plan.add_line("  needs:");
    plan.add_line("  - x");
    plan.add_line("  -");
  }
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, CrlfLineEndings) {
  Plan plan;
  plan.text = "planrun: 1\r\n";
  plan.text += "steps:\r\n";
  for (int i = 0; i < 20; ++i) {
    plan.items.push_back(plan.text.size());
    plan.text += "  - id: s" + std::to_string(i) + "\r\n    type: run\r\n\r\n";
  }
  EXPECT_EQ(step_list_cuts(plan.text, 4).size(), 3u);
  expect_cuts_only_at_items(plan);
}

TEST(StepListCuts, NoneWhenTabsIndentTheList) {
  expect_no_cuts_for_any_parts(std::string(kHeader) + "steps:\n\t- id: a\n\t- id: b\n\t- id: c\n");
}

}  // namespace
}  // namespace planrun
