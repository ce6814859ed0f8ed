#include "interpreter/frontend/plan_frontend.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/plan_grammar.h"
#include "interpreter/ast/same_document.h"
#include "interpreter/frontend/yaml_frontend.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// analyze() finds rules that could loop forever without consuming input; it prints them.
TEST(PlanGrammar, AnalyzeFindsNoProblems) { EXPECT_EQ(tao::pegtl::analyze<grammar::plan::document>(), 0u); }

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(PLANRUN_SOURCE_DIR) + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Parsed {
  std::optional<ast::Node> tree;
  Diagnostics diagnostics;
  std::string messages() const {
    std::string out;
    for (const Diagnostic& d : diagnostics.all())
      out += std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message + "\n";
    return out;
  }
};

Parsed parse(const std::string& text) {
  Parsed parsed;
  parsed.tree = parse_plan_text("p.plan", text, parsed.diagnostics);
  return parsed;
}

TEST(PlanFrontend, TheCarbonExampleSaysWhatItsYamlSays) {
  Diagnostics diagnostics;
  auto plan = parse_plan_text("446-to-447.plan", read_source("examples/446-to-447.plan"), diagnostics);
  auto yaml = parse_yaml("446-to-447.yaml", read_source("examples/446-to-447.yaml"), diagnostics);
  ASSERT_TRUE(plan && yaml);
  EXPECT_TRUE(diagnostics.all().empty());
  EXPECT_TRUE(ast::same_document(*plan, *yaml));
}

TEST(PlanFrontend, StatementsBecomeParamsAndSteps) {
  Parsed parsed = parse(
      "planrun = 1\n"
      "param home: path { default = \"/opt\", doc = home }\n"
      "step a: run {\n"
      "  needs = [b]\n"
      "  with = { command = [echo, \"hi\"] }\n"
      "}\n"
      "step b: run\n");
  ASSERT_TRUE(parsed.tree) << parsed.messages();
  const ast::Node& document = *parsed.tree;
  ASSERT_EQ(document.entries.size(), 3u);
  EXPECT_EQ(document.entries[1].first.scalar, "params");
  const ast::Node* home = document.find("params")->find("home");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->find("type")->scalar, "path");
  EXPECT_EQ(home->find("default")->scalar, "/opt");
  EXPECT_TRUE(home->find("default")->quoted);
  EXPECT_FALSE(home->find("doc")->quoted);
  const ast::Node& steps = *document.find("steps");
  ASSERT_EQ(steps.items.size(), 2u);
  EXPECT_EQ(steps.items[0].find("id")->scalar, "a");
  EXPECT_EQ(steps.items[0].find("type")->scalar, "run");
  EXPECT_EQ(steps.items[0].find("needs")->items[0].scalar, "b");
  EXPECT_EQ(steps.items[0].find("with")->find("command")->items[1].scalar, "hi");
  EXPECT_EQ(steps.items[1].entries.size(), 2u);
}

TEST(PlanFrontend, NodesKnowWhereTheyAreWritten) {
  Parsed parsed = parse("planrun = 1\n\nstep copy: copy-dirr {\n  with = { to = \"${x}\" }\n}\n");
  ASSERT_TRUE(parsed.tree);
  const ast::Node& step = parsed.tree->find("steps")->items[0];
  EXPECT_EQ(step.location.line, 3);
  EXPECT_EQ(step.location.column, 1);
  EXPECT_EQ(step.find("type")->location.column, 12);
  const ast::Node* to = step.find("with")->find("to");
  EXPECT_EQ(to->location.line, 4);
  EXPECT_EQ(to->location.column, 17);
  EXPECT_EQ(to->content_offset, 1);  // "${x}" lies column for column after its quote
  EXPECT_EQ(to->location_of(2).column, 20);
}

TEST(PlanFrontend, EscapesAreResolvedAndBreakTheColumnMapping) {
  Parsed parsed = parse("a = \"say \\\"hi\\\"\\n\\tnow \\\\ $\"\n");
  ASSERT_TRUE(parsed.tree) << parsed.messages();
  const ast::Node* a = parsed.tree->find("a");
  EXPECT_EQ(a->scalar, "say \"hi\"\n\tnow \\ $");
  EXPECT_EQ(a->content_offset, -1);
}

TEST(PlanFrontend, CommasAndLineBreaksBothSeparateItems) {
  Parsed parsed = parse(
      "a = [1, 2,\n"
      "  3  # three\n"
      "  4,\n"
      "]\n"
      "b = {\n  x = 1, y = 2\n  z = 3\n}\n"
      "c = []\n"
      "d = {}\n");
  ASSERT_TRUE(parsed.tree) << parsed.messages();
  EXPECT_EQ(parsed.tree->find("a")->items.size(), 4u);
  EXPECT_EQ(parsed.tree->find("b")->entries.size(), 3u);
  EXPECT_TRUE(parsed.tree->find("c")->is_sequence());
  EXPECT_TRUE(parsed.tree->find("d")->is_mapping());
}

TEST(PlanFrontend, BareNullIsNullAndQuotedNullIsText) {
  Parsed parsed = parse("a = null\nb = \"null\"\nc = 5m\n");
  ASSERT_TRUE(parsed.tree);
  EXPECT_TRUE(parsed.tree->find("a")->is_null());
  EXPECT_EQ(parsed.tree->find("b")->scalar, "null");
  EXPECT_EQ(parsed.tree->find("c")->scalar, "5m");
}

TEST(PlanFrontend, AnEmptyFileIsAnEmptyMap) {
  Parsed parsed = parse("# nothing yet\n");
  ASSERT_TRUE(parsed.tree);
  EXPECT_TRUE(parsed.tree->is_mapping());
  EXPECT_TRUE(parsed.tree->entries.empty());
}

TEST(PlanFrontend, DuplicateKeysAreReportedAndTheFirstStays) {
  Parsed parsed = parse("name = a\nname = b\nparam x: path\nparam x: string\nstep s: run { with = {}, with = {} }\n");
  EXPECT_EQ(parsed.messages(),
            "2:1: duplicate key 'name'\n"
            "4:7: duplicate key 'x'\n"
            "5:26: duplicate key 'with'\n");
  ASSERT_TRUE(parsed.tree);
  EXPECT_EQ(parsed.tree->find("name")->scalar, "a");
}

TEST(PlanFrontend, StatementsAndAFieldOfTheSameNameClash) {
  Parsed parsed = parse("steps = []\nstep a: run\n");
  EXPECT_EQ(parsed.messages(), "2:1: 'steps = ...' and 'step' statements both give the steps: write one of them\n");
}

TEST(PlanFrontend, AKeywordFollowedByEqualsIsAField) {
  Parsed parsed = parse("step = 1\n");
  ASSERT_TRUE(parsed.tree) << parsed.messages();
  EXPECT_EQ(parsed.tree->find("step")->scalar, "1");
}

TEST(PlanFrontend, SyntaxErrorsNameWhatWasFoundWhereItIs) {
  EXPECT_EQ(parse("a = \"open\n").messages(),
            "1:5: unterminated string (a string ends with '\"' on the line it starts)\n");
  EXPECT_EQ(parse("a = [1 2]\n").messages(), "1:8: expected a new line, ',' or ']' after a list item, found '2'\n");
  EXPECT_EQ(parse("a = {\n  b 1\n}\n").messages(), "2:5: expected '=' after the key, found '1'\n");
  EXPECT_EQ(parse("a =\n").messages(), "1:4: expected a value after '=', found the end of the line\n");
  EXPECT_EQ(
      parse("stpe a: run\n").messages(),
      "1:1: expected 'KEY = VALUE', 'param NAME: TYPE' or 'step ID: TYPE { ... }', found 's' (did you mean 'step'?)\n");
  EXPECT_EQ(parse("step a run\n").messages(), "1:8: expected ':' and the step's type after its id, found 'r'\n");
  EXPECT_EQ(parse("a = 1 b = 2\n").messages(),
            "1:7: expected the end of the line after the statement, found 'b' (one statement a line)\n");
  EXPECT_EQ(parse("a = { b = 1").messages(),
            "1:12: expected a new line, ',' or '}' after a map entry, found the end of the file\n");
  EXPECT_EQ(parse("a = \"\\q\"\n").messages(),
            "1:7: unknown escape in a string: found 'q' after '\\' (known: \\\" \\\\ \\n \\t \\r)\n");
}

TEST(PlanFrontend, DeepNestingIsRefusedNotACrash) {
  std::string deep = "a = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  Parsed parsed = parse(deep);
  EXPECT_FALSE(parsed.tree);
  EXPECT_NE(parsed.messages().find("nested too deeply"), std::string::npos);
  std::string fine = "a = " + std::string(50, '[') + std::string(50, ']') + "\n";
  EXPECT_TRUE(parse(fine).tree);
}

}  // namespace
}  // namespace planrun
