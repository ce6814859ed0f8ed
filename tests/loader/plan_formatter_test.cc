#include "interpreter/loader/plan_formatter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "interpreter/ast/same_document.h"
#include "interpreter/compiler/plan_compiler.h"
#include "tests/state/scratch_dir.h"
#include "tests/support/graph_summary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

using testing::read_file;

// Every plan of the repository's examples and stdlib-plans, by path: the files of either syntax
// that say `planrun` at the start of a line (a CI workflow beside them is no plan).
std::vector<fs::path> repository_plans() {
  std::vector<fs::path> plans;
  for (const char* folder : {"examples", "stdlib-plans"}) {
    fs::path root = fs::path(PLANRUN_SOURCE_DIR) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string text = entry.is_regular_file() ? read_file(entry.path()) : "";
      bool says_planrun = text.starts_with("planrun") || text.find("\nplanrun") != std::string::npos;
      if (syntax_of(entry.path().string()) && says_planrun) plans.push_back(entry.path());
    }
  }
  std::sort(plans.begin(), plans.end());
  return plans;
}

struct Formatted {
  std::optional<std::string> text;
  std::string diagnostics;
};

Formatted format(const fs::path& path, PlanSyntax to) {
  SourceFiles sources;
  Diagnostics diagnostics;
  Formatted formatted;
  formatted.text = format_plan_file(path.string(), to, sources, diagnostics);
  for (const Diagnostic& d : diagnostics.sorted()) formatted.diagnostics += render(d, sources);
  return formatted;
}

// A scratch folder for plans a test writes.
class TempDir : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& text) {
    testing::write_file(scratch.path / name, text);
    return scratch.path / name;
  }

  testing::ScratchDir scratch;
};

TEST(FmtRepository, EveryExampleAndStdlibPlanIsCanonical) {
  std::vector<fs::path> plans = repository_plans();
  ASSERT_GE(plans.size(), 3u);
  for (const fs::path& plan : plans) {
    Formatted formatted = format(plan, *syntax_of(plan.string()));
    ASSERT_TRUE(formatted.text) << plan << "\n" << formatted.diagnostics;
    EXPECT_EQ(*formatted.text, read_file(plan)) << plan << " is not canonical: run planrun fmt --write on it";
  }
}

TEST(FmtRepository, EveryPlanFileChecksClean) {
  size_t checked = 0;
  for (const fs::path& plan : repository_plans()) {
    if (syntax_of(plan.string()) != PlanSyntax::Plan) continue;
    SourceFiles sources;
    Diagnostics diagnostics;
    auto graph = load_plan(plan.string(), sources, diagnostics);
    std::string shown;
    for (const Diagnostic& d : diagnostics.sorted()) shown += render(d, sources);
    EXPECT_TRUE(graph) << plan;
    EXPECT_EQ(shown, "") << plan;
    ++checked;
  }
  EXPECT_GE(checked, 1u);
}

std::string summary_of(const fs::path& plan) {
  SourceFiles sources;
  Diagnostics diagnostics;
  auto graph = load_plan(plan.string(), sources, diagnostics);
  return graph ? testing::graph_summary(*graph) : "does not compile";
}

class FmtRoundTrip : public TempDir {};

TEST_F(FmtRoundTrip, YamlToPlanToYamlGivesTheSameGraph) {
  size_t plans = 0;
  for (const fs::path& yaml : repository_plans()) {
    if (syntax_of(yaml.string()) != PlanSyntax::Yaml || summary_of(yaml) == "does not compile") continue;
    Formatted as_plan = format(yaml, PlanSyntax::Plan);
    ASSERT_TRUE(as_plan.text) << yaml << as_plan.diagnostics;
    // Beside a copy of the plan's folder, so that the fragments and plans it includes or uses
    // by relative name are found as they are from the original.
    fs::path folder = scratch.path / ("plan-" + std::to_string(plans));
    fs::copy(yaml.parent_path(), folder, fs::copy_options::recursive);
    fs::path plan = folder / (yaml.stem().string() + ".round-trip.plan");
    testing::write_file(plan, *as_plan.text);
    Formatted back = format(plan, PlanSyntax::Yaml);
    ASSERT_TRUE(back.text) << plan << back.diagnostics;
    fs::path yaml_again = folder / (yaml.stem().string() + ".round-trip.yaml");
    testing::write_file(yaml_again, *back.text);
    EXPECT_EQ(summary_of(plan), summary_of(yaml)) << yaml;
    EXPECT_EQ(summary_of(yaml_again), summary_of(yaml)) << yaml;
    ++plans;
  }
  EXPECT_GE(plans, 2u);
}

// The golden test plans are odd on purpose (lists where maps belong, keys of every kind, broken
// expressions): fmt must write each that parses in both syntaxes, and its own read-back check
// (which throws) must hold; converted back, the document must be the same.
TEST(FmtOddPlans, EveryTestPlanThatParsesIsWrittenInBothSyntaxes) {
  size_t written = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PLANRUN_SOURCE_DIR) / "tests/plans/bad")) {
    std::string path = entry.path().string();
    if (!syntax_of(path)) continue;
    for (PlanSyntax to : {PlanSyntax::Yaml, PlanSyntax::Plan}) {
      Formatted formatted;
      ASSERT_NO_THROW(formatted = format(entry.path(), to)) << path;
      written += formatted.text ? 1 : 0;
    }
  }
  EXPECT_GE(written, 60u);
}

// The Carbon plan in either syntax with one character changed, many times over: whatever parses
// is written in both syntaxes without fmt's read-back check failing (comments found in the wrong
// place would fail it), and whatever does not is a diagnostic.
TEST_F(FmtRoundTrip, ChangedCharactersNeverBreakFmt) {
  const std::string alphabet = "{}[]\"',=#:|>&*-! \n\\$xy0";
  std::mt19937 random(446447);
  size_t parsed = 0;
  for (const char* name : {"446-to-447.plan", "446-to-447.yaml"}) {
    const std::string original = read_file(fs::path(PLANRUN_SOURCE_DIR) / "examples" / name);
    for (int i = 0; i < 300; ++i) {
      std::string text = original;
      text[random() % text.size()] = alphabet[random() % alphabet.size()];
      fs::path plan = write(std::string("m") + fs::path(name).extension().string(), text);
      for (PlanSyntax to : {PlanSyntax::Yaml, PlanSyntax::Plan}) {
        Formatted formatted;
        ASSERT_NO_THROW(formatted = format(plan, to)) << text;
        EXPECT_TRUE(formatted.text || !formatted.diagnostics.empty()) << text;
        parsed += formatted.text ? 1 : 0;
      }
    }
  }
  EXPECT_GE(parsed, 400u);
}

TEST_F(FmtRoundTrip, TheCarbonPlanInBothSyntaxesIsOneGraph) {
  fs::path examples = fs::path(PLANRUN_SOURCE_DIR) / "examples";
  EXPECT_EQ(summary_of(examples / "446-to-447.plan"), summary_of(examples / "446-to-447.yaml"));
  Formatted converted = format(examples / "446-to-447.yaml", PlanSyntax::Plan);
  ASSERT_TRUE(converted.text);
  EXPECT_EQ(*converted.text, read_file(examples / "446-to-447.plan"));
}

// What the commented YAML plan below and its canonical form share: all but the steps.
const std::string kCommentedHead =
    "# The header.\n"
    "\n"
    "planrun: 1  # the format\n"
    "# about the name\n"
    "name: demo\n"
    "params:\n"
    "  # the home\n"
    "  home: {type: path}  # where\n"
    "steps:\n"
    "  # first step\n";

const std::string kCommentedYaml = kCommentedHead +
                                   "  - type: run\n"
                                   "    id: a  # the id\n"
                                   "    with:\n"
                                   "      # the command\n"
                                   "      command: [echo, hi]\n"
                                   "  - {id: b, with: {command: x}, type: run}\n"
                                   "# the end\n";

const char* kCommentedPlan =
    "# The header.\n"
    "\n"
    "planrun = 1  # the format\n"
    "# about the name\n"
    "name = demo\n"
    "\n"
    "# the home\n"
    "param home: path  # where\n"
    "\n"
    "# first step\n"
    "step a: run {  # the id\n"
    "  with = {\n"
    "    # the command\n"
    "    command = [echo, hi]\n"
    "  }\n"
    "}\n"
    "\n"
    "step b: run {\n"
    "  with = { command = x }\n"
    "}\n"
    "# the end\n";

const std::string kCommentedYamlCanonical = kCommentedHead +
                                            "  - id: a  # the id\n"
                                            "    type: run\n"
                                            "    with:\n"
                                            "      # the command\n"
                                            "      command: [echo, hi]\n"
                                            "  - id: b\n"
                                            "    type: run\n"
                                            "    with: {command: x}\n"
                                            "# the end\n";

class FmtComments : public TempDir {};

TEST_F(FmtComments, StayWithWhatTheyWereWrittenBeside) {
  fs::path yaml = write("c.yaml", kCommentedYaml);
  EXPECT_EQ(format(yaml, PlanSyntax::Plan).text.value_or("failed"), kCommentedPlan);
  EXPECT_EQ(format(yaml, PlanSyntax::Yaml).text.value_or("failed"), kCommentedYamlCanonical);
  fs::path plan = write("c.plan", kCommentedPlan);
  EXPECT_EQ(format(plan, PlanSyntax::Plan).text.value_or("failed"), kCommentedPlan);
  EXPECT_EQ(format(plan, PlanSyntax::Yaml).text.value_or("failed"), kCommentedYamlCanonical);
}

class FmtLayout : public TempDir {};

TEST_F(FmtLayout, FieldsTakeTheCanonicalOrderAndLongCollectionsBreak) {
  fs::path yaml = write("o.yaml",
                        "steps:\n"
                        "  - with: {command: [\"a very long argument that goes on\", \"and on and on and on\", "
                        "\"until the line is full\"]}\n"
                        "    needs: x\n"
                        "    type: run\n"
                        "    id: s\n"
                        "name: n\n"
                        "planrun: 1\n");
  EXPECT_EQ(
      format(yaml, PlanSyntax::Yaml).text.value_or("failed"),
      "planrun: 1\n"
      "name: n\n"
      "steps:\n"
      "  - id: s\n"
      "    type: run\n"
      "    needs: x\n"
      "    with:\n"
      "      command:\n"
      "        - \"a very long argument that goes on\"\n"
      "        - \"and on and on and on\"\n"
      "        - \"until the line is full\"\n");
  EXPECT_EQ(format(yaml, PlanSyntax::Plan).text.value_or("failed"),
            "planrun = 1\n"
            "name = n\n"
            "\n"
            "step s: run {\n"
            "  needs = x\n"
            "  with = {\n"
            "    command = [\n"
            "      \"a very long argument that goes on\"\n"
            "      \"and on and on and on\"\n"
            "      \"until the line is full\"\n"
            "    ]\n"
            "  }\n"
            "}\n");
}

TEST_F(FmtLayout, ScalarsKeepWhatTheyAre) {
  fs::path yaml = write("s.yaml",
                        "planrun: 1\n"
                        "a: [42, \"42\", true, 'true', 1.10, null, ~, \"null\", \"\", x y, \"x: y\", sqlite:a.db, -1]\n"
                        "b: \"line\\nbreak \\\"quoted\\\" back\\\\slash\"\n"
                        "c: a, b] {c} d, e#f\n"
                        "d: [\"a, b\", \"#x\"]\n");
  Formatted plan = format(yaml, PlanSyntax::Plan);
  EXPECT_EQ(
      plan.text.value_or("failed"),
      "planrun = 1\n"
      "a = [42, \"42\", true, \"true\", 1.10, null, null, \"null\", \"\", \"x y\", \"x: y\", \"sqlite:a.db\", -1]\n"
      "b = \"line\\nbreak \\\"quoted\\\" back\\\\slash\"\n"
      "c = \"a, b] {c} d, e#f\"\n"
      "d = [\"a, b\", \"#x\"]\n");
  EXPECT_EQ(format(yaml, PlanSyntax::Yaml).text.value_or("failed"),
            "planrun: 1\n"
            "a: [42, \"42\", true, \"true\", 1.10, null, null, \"null\", \"\", x y, \"x: y\", sqlite:a.db, -1]\n"
            "b: |-\n"
            "  line\n"
            "  break \"quoted\" back\\slash\n"
            "c: a, b] {c} d, e#f\n"
            "d: [\"a, b\", \"#x\"]\n");
}

TEST_F(FmtLayout, TextOfSeveralLinesIsALiteralBlockInYaml) {
  fs::path yaml = write("t.yaml",
                        "planrun: 1\n"
                        "a: \"set -e\\necho 'a # b'\\n\\n\\tindented\\n\"  # script\n"
                        "b: [\"one\\ntwo\", x]\n"
                        "c: \" leading blank\\n\"\n");
  EXPECT_EQ(format(yaml, PlanSyntax::Yaml).text.value_or("failed"),
            "planrun: 1\n"
            "a: |  # script\n"
            "  set -e\n"
            "  echo 'a # b'\n"
            "\n"
            "  \tindented\n"
            "b:\n"
            "  - |-\n"
            "    one\n"
            "    two\n"
            "  - x\n"
            "c: \" leading blank\\n\"\n");
  EXPECT_EQ(format(yaml, PlanSyntax::Plan).text.value_or("failed"),
            "planrun = 1\n"
            "a = \"set -e\\necho 'a # b'\\n\\n\\tindented\\n\"  # script\n"
            "b = [\"one\\ntwo\", x]\n"
            "c = \" leading blank\\n\"\n");
}

TEST_F(FmtLayout, AnyDocumentShapeSurvivesAsGenericFields) {
  // Steps without a type cannot be `step` statements, nor a param without a type a `param`
  // statement: they are written as fields (a step still one entry a line), so that check still
  // reports them.
  fs::path yaml = write("g.yaml", "planrun: 1\nparams: {x: {doc: no type}}\nsteps: [{id: a}]\n");
  EXPECT_EQ(format(yaml, PlanSyntax::Plan).text.value_or("failed"),
            "planrun = 1\n"
            "params = {\n"
            "  x = { doc = \"no type\" }\n"
            "}\n"
            "steps = [\n"
            "  {\n"
            "    id = a\n"
            "  }\n"
            "]\n");
}

TEST_F(FmtLayout, ADocumentThatIsNoMapCannotBeAPlanFile) {
  fs::path yaml = write("l.yaml", "- a\n- b\n");
  Formatted formatted = format(yaml, PlanSyntax::Plan);
  EXPECT_FALSE(formatted.text);
  EXPECT_EQ(formatted.diagnostics, yaml.string() +
                                       ":1:1: error: cannot write this plan as .plan: the document is a list, and a "
                                       ".plan file holds a map\n- a\n^\n");
}

TEST_F(FmtLayout, FormattingIsIdempotent) {
  for (const std::string& text : {kCommentedYaml, kCommentedYamlCanonical}) {
    fs::path yaml = write("i.yaml", text);
    std::string once = format(yaml, PlanSyntax::Yaml).text.value_or("failed");
    fs::path again = write("j.yaml", once);
    EXPECT_EQ(format(again, PlanSyntax::Yaml).text.value_or("failed"), once);
  }
}

TEST_F(FmtLayout, ASyntaxErrorIsADiagnosticAndNoOutput) {
  fs::path plan = write("e.plan", "planrun = 1\nstep a run\n");
  Formatted formatted = format(plan, PlanSyntax::Yaml);
  EXPECT_FALSE(formatted.text);
  EXPECT_NE(formatted.diagnostics.find(":2:8: error: expected ':'"), std::string::npos) << formatted.diagnostics;
}

}  // namespace
}  // namespace planrun
