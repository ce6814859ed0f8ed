// A plan parsed in parts must give exactly the tree and the diagnostics of the plan parsed
// whole, for any number of parts: these tests parse each text whole and in 2 to 6 parts and
// compare the results node by node.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "interpreter/frontend/yaml_frontend.h"
#include "interpreter/frontend/yaml_step_list_cuts.h"
#include "tests/support/parse_difference.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

constexpr size_t kMostParts = 6;

using testing::Parse;
using testing::describe;
using testing::first_difference;
using testing::quoted;

Parse parse(const std::string& text, size_t parts, const std::string& path = "plan.yaml") {
  Parse result;
  result.tree = parse_yaml(path, text, result.diagnostics, parts);
  return result;
}

// The text parses to the same tree and diagnostics whole and in 2 to kMostParts parts.
::testing::AssertionResult parses_alike(const std::string& text, const std::string& path = "plan.yaml") {
  Parse whole = parse(text, 1, path);
  for (size_t parts = 2; parts <= kMostParts; ++parts)
    if (std::string d = first_difference(whole, parse(text, parts, path)); !d.empty())
      return ::testing::AssertionFailure() << "in " << parts << " parts, " << d;
  return ::testing::AssertionSuccess();
}

// ---- Where the text is cut ----

// Every cut proposed for 2 to kMostParts parts, so that a test can show its text is really cut.
std::set<size_t> all_cuts(const std::string& text) {
  std::set<size_t> cuts;
  for (size_t parts = 2; parts <= kMostParts; ++parts)
    for (size_t cut : step_list_cuts(text, parts)) cuts.insert(cut);
  return cuts;
}

bool is_cut(const std::string& text) { return !all_cuts(text).empty(); }

// Whether some number of parts puts the first line that begins with `line` after a cut, in a
// part of its own or a later one than the plan's header.
bool is_cut_before(const std::string& text, const std::string& line) {
  std::set<size_t> cuts = all_cuts(text);
  return !cuts.empty() && *cuts.begin() <= text.find(line);
}

// Whether some number of parts cuts the text at the start of a line that begins with `line`.
bool is_cut_at_line(const std::string& text, const std::string& line) {
  for (size_t cut : all_cuts(text))
    if (std::string_view(text).substr(cut).starts_with(line)) return true;
  return false;
}

// ---- Plans to parse ----

constexpr const char* kHeader =
    "planrun: 1\n"
    "name: parts\n"
    "params:\n"
    "  greeting: {type: string, default: hello}\n";

std::string ordinary_step(size_t n) {
  std::string id = std::to_string(n);
  return "  - id: s" + id + "\n    type: run\n    with: {command: [/bin/echo, \"${greeting} " + id + "\"]}\n";
}

std::string ordinary_steps(size_t from, size_t count) {
  std::string steps;
  for (size_t n = from; n < from + count; ++n) steps += ordinary_step(n);
  return steps;
}

// A plan whose steps are `special`, after `before` ordinary steps and before `after` others:
// the special ones are late in the list, where cuts fall.
std::string plan_around(const std::string& special, size_t before = 6, size_t after = 2) {
  return kHeader + std::string("steps:\n") + ordinary_steps(1, before) + special + ordinary_steps(before + 1, after);
}

// A plan of `count` copies of `step` (each with "N" replaced by its number).
std::string plan_repeating(const std::string& step, size_t count) {
  std::string steps;
  for (size_t n = 1; n <= count; ++n) {
    std::string copy = step;
    for (size_t at = copy.find("N"); at != std::string::npos; at = copy.find("N", at))
      copy.replace(at, 1, std::to_string(n));
    steps += copy;
  }
  return kHeader + std::string("steps:\n") + steps;
}

// The text with each of its lines `by` columns less indented; lines with fewer spaces stay.
std::string dedented(const std::string& text, size_t by) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    out += (line.starts_with(std::string(by, ' ')) ? line.substr(by) : line) + "\n";
  return out;
}

std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? "\r\n" : std::string(1, c);
  return out;
}

bool mentions(const Diagnostics& diagnostics, const std::string& text) {
  for (const Diagnostic& diagnostic : diagnostics.all())
    if (diagnostic.message.find(text) != std::string::npos) return true;
  return false;
}

// ---- Plan files ----

std::vector<fs::path> plan_files() {
  std::vector<fs::path> files;
  for (const char* folder : {"tests/plans", "examples", "stdlib-plans"}) {
    fs::path root = fs::path(PLANRUN_SOURCE_DIR) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ParallelParse, EveryPlanFileParsesAlikeInParts) {
  std::vector<fs::path> files = plan_files();
  ASSERT_GE(files.size(), 10u);
  size_t cut_files = 0;
  for (const fs::path& file : files) {
    std::string text = read_file(file);
    EXPECT_TRUE(parses_alike(text, file.string())) << file;
    cut_files += is_cut(text);
  }
  EXPECT_GE(cut_files, 10u) << "too few plan files have steps enough to be cut for this test to mean much";
}

// ---- Generated plans ----

// Ways a step may be written, items at indent 2; "N" stands for the step's number.
const std::vector<std::string> kStepShapes = {
    "  - id: sN\n    type: run\n    with: {command: [/bin/echo, \"N\"]}\n",
    "  - id: sN\n"
    "    type: run\n"
    "    needs:\n"
    "    - s1\n"
    "    - s2\n"
    "    with:\n"
    "      command:\n"
    "        - /bin/echo\n"
    "        - 'it''s N'\n",
    "  - id: sN\n    description: \"a long text\n      folded over lines\"\n    type: run\n",
    "  - id: sN\n"
    "    type: run\n"
    "    with:\n"
    "      command: |\n"
    "        echo N\n"
    "        - not an item\n"
    "\n"
    "      env: {A: b}\n",
    "  - id: sN\n    description: >\n      folded\n      text\n    type: run\n",
    "\n# a comment before step N\n  # an indented one\n\n  - id: sN   # trailing comment\n    type: run\n",
    "  -\n",
    "  -\n    id: sN\n    type: run\n",
    "  - id: sN\n    with: &cmd {command: [/bin/echo, N]}\n    again: *cmd\n",
    "  - id: sN\n    description: a plain text\n      over two lines\n    when: \"${greeting == 'x'}\"  # why\n",
    "  - id: sN\n    description:\n    timeout: ~\n    retry:\n",
    "  - id: sN\n    with: {command: [/bin/echo,\n        N, \"two\"]}\n",
    "  - id: sN\n    with:\n      env:\n        - {a: 1}\n        - [b, [c, d]]\n",
    "  - id: sN\n    description: \"caf\xC3\xA9 \xE2\x9C\x93 \\u00e9 N\"\n",
    "  - id: sN\n    script: |+\n      kept\n\n\n",
    "  - [sN, plain, list]\n",
    "  - id: sN\n    type: !!str run\n    count: !!int \"N\"\n",
};

// A plan of `steps` steps of shapes picked by a generator seeded with `seed`, items at `indent`.
std::string generated_plan(unsigned seed, size_t steps, size_t indent) {
  std::mt19937 random(seed);
  std::string body;
  for (size_t n = 1; n <= steps; ++n) {
    std::string step = kStepShapes[random() % kStepShapes.size()];
    for (size_t at = step.find("N"); at != std::string::npos; at = step.find("N", at))
      step.replace(at, 1, std::to_string(n));
    body += step;
  }
  return kHeader + std::string("steps:\n") + (indent == 2 ? body : dedented(body, 2));
}

TEST(ParallelParse, GeneratedPlansParseAlikeInParts) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    for (size_t indent : {0, 2}) {
      std::string text = generated_plan(seed, 50, indent);
      SCOPED_TRACE("seed " + std::to_string(seed) + ", items at indent " + std::to_string(indent) + ":\n" + text);
      Parse whole = parse(text, 1);
      ASSERT_TRUE(whole.tree);
      ASSERT_TRUE(whole.diagnostics.all().empty()) << describe(whole.diagnostics.all().front());
      ASSERT_EQ(whole.tree->find("steps")->items.size(), 50u);
      ASSERT_TRUE(is_cut(text));
      EXPECT_TRUE(parses_alike(text));
    }
  }
}

TEST(ParallelParse, EveryStepShapeAloneParsesAlikeInParts) {
  for (const std::string& shape : kStepShapes) {
    SCOPED_TRACE(shape);
    for (size_t indent : {0, 2}) {
      std::string text = plan_repeating(indent == 2 ? shape : dedented(shape, 2), 30);
      ASSERT_TRUE(is_cut(text));
      EXPECT_TRUE(parses_alike(text)) << "items at indent " << indent;
    }
  }
}

// 2000 steps, about 200 KB: enough for every number of parts, and for the default.
std::string large_plan() { return generated_plan(7, 2000, 2); }

TEST(ParallelParse, LargePlanInFourPartsIsCutAndParsesAlike) {
  std::string text = large_plan();
  ASSERT_EQ(step_list_cuts(text, 4).size(), 3u);
  Parse whole = parse(text, 1);
  Parse in_parts = parse(text, 4);
  ASSERT_TRUE(whole.tree);
  EXPECT_TRUE(whole.diagnostics.all().empty());
  EXPECT_EQ(whole.tree->find("steps")->items.size(), 2000u);
  EXPECT_EQ(first_difference(whole, in_parts), "");
}

TEST(ParallelParse, DefaultPartsParseALargePlanAlike) {
  std::string text = large_plan();
  Parse whole = parse(text, 1);
  Parse by_default;
  by_default.tree = parse_yaml("plan.yaml", text, by_default.diagnostics);
  EXPECT_EQ(first_difference(whole, by_default), "");
}

TEST(ParallelParse, ManyMorePartsThanStepsParseAlike) {
  std::string text = plan_around("", 3, 0);
  Parse whole = parse(text, 1);
  for (size_t parts : {7, 50, 1000}) EXPECT_EQ(first_difference(whole, parse(text, parts)), "") << parts << " parts";
}

// ---- Tricky texts ----

TEST(ParallelParse, AliasOfAnAnchorInTheHeaderFallsBackToTheWholeParse) {
  std::string text = "planrun: 1\nparams:\n  greeting: &defaults {type: string, default: hello}\nsteps:\n" +
                     ordinary_steps(1, 8) + "  - id: late\n    with: *defaults\n" + ordinary_steps(9, 2);
  ASSERT_TRUE(is_cut_before(text, "  - id: late"));
  Parse cut = parse(text, kMostParts);
  ASSERT_TRUE(cut.tree);
  EXPECT_TRUE(cut.diagnostics.all().empty());
  const ast::Node& late = cut.tree->find("steps")->items.at(8);
  ASSERT_TRUE(late.find("with") && late.find("with")->is_mapping());
  EXPECT_EQ(late.find("with")->find("default")->scalar, "hello");
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, AliasOfAnAnchorInAnEarlierStepParsesAlike) {
  std::string text = plan_around("", 1, 0) + "  - id: early\n    with: &early {command: [a]}\n" + ordinary_steps(2, 8) +
                     "  - id: late\n    with: *early\n";
  ASSERT_TRUE(is_cut(text));
  Parse whole = parse(text, 1);
  EXPECT_TRUE(whole.diagnostics.all().empty());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, AnchorsAndAliasesWithinOneStepParseAlike) {
  // Every step defines the same anchor names again: an alias names the latest.
  std::string text = plan_repeating(
      "  - id: sN\n"
      "    with: &w {command: &c [/bin/echo, N]}\n"
      "    same: *w\n"
      "    command: *c\n"
      "    empty: &e\n"
      "    again: *e\n",
      30);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parse(text, 1).diagnostics.all().empty());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, QuotedTextWithALineLikeAnItemParsesAlike) {
  std::string text = plan_repeating("  - id: sN\n    description: \"one\n  - foo\"\n", 30);
  ASSERT_TRUE(is_cut_at_line(text, "  - foo\""));
  EXPECT_TRUE(parses_alike(text));
  std::string single = plan_repeating("  - id: sN\n    description: 'one\n  - foo'\n", 30);
  ASSERT_TRUE(is_cut_at_line(single, "  - foo'"));
  EXPECT_TRUE(parses_alike(single));
}

TEST(ParallelParse, FlowListOverLinesParsesAlike) {
  EXPECT_TRUE(parses_alike(plan_repeating("  - id: sN\n    with: {command: [\n      /bin/echo,\n      N]}\n", 30)));
  std::string item_like = plan_repeating("  - id: sN\n    with: {command: [/bin/echo,\n  - x]}\n", 30);
  ASSERT_TRUE(is_cut_at_line(item_like, "  - x]}"));
  EXPECT_TRUE(parses_alike(item_like));
}

TEST(ParallelParse, BlockScalarsParseAlike) {
  for (const char* indicator : {"|", ">", "|-", ">-", "|+", ">+", "|2"}) {
    std::string text = plan_repeating(
        std::string("  - id: sN\n    script: ") + indicator + "\n      - line N\n\n        more\n\n    type: run\n",
        30);
    ASSERT_TRUE(is_cut(text));
    EXPECT_TRUE(parses_alike(text)) << indicator;
  }
}

TEST(ParallelParse, BlockScalarKeepingTrailingLinesAtTheEndOfAPartParsesAlike) {
  std::string text = plan_repeating("  - id: sN\n    script: |+\n      kept\n\n\n# between\n\n", 30);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, EmptyItemsParseAlike) {
  for (const char* empty : {"  -\n", "  - \n", "  -   # nothing\n", "  - ~\n", "  -\n\n# gap\n\n"}) {
    std::string text = plan_repeating(empty, 30);
    ASSERT_TRUE(is_cut(text));
    EXPECT_TRUE(parses_alike(text)) << quoted(empty);
  }
}

TEST(ParallelParse, EmptyValueAtTheEndOfAPartParsesAlike) {
  std::string text = plan_repeating("  - id: sN\n    with:\n", 30);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, CrlfLineEndingsParseAlike) {
  for (unsigned seed : {3, 4}) {
    std::string text = with_crlf(generated_plan(seed, 50, 2));
    ASSERT_TRUE(is_cut(text));
    EXPECT_TRUE(parses_alike(text)) << "seed " << seed;
  }
}

TEST(ParallelParse, ByteOrderMarkParsesAlike) {
  std::string text = "\xEF\xBB\xBF" + generated_plan(5, 50, 2);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, ItemsAtIndentZeroParseAlike) {
  std::string text = dedented(plan_repeating(ordinary_step(0), 30), 2);
  ASSERT_TRUE(text.find("\n- id: s0\n  type: run\n") != std::string::npos);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, LastStepWithoutANewlineParsesAlike) {
  for (const char* last :
       {"    type: run", "    description: \"quoted\"", "    with: {command: [a]}",
        "    with:", "    type: run  # a comment", "    type: run\n# a comment", "    needs:\n    - a\n    -",
        "    script: |\n      echo hi", "    script: |+\n      echo hi", "    script: >\n      echo hi"}) {
    std::string text = plan_around("", 10, 0) + "  - id: last\n" + last;
    ASSERT_TRUE(is_cut_before(text, "  - id: last"));
    EXPECT_TRUE(parses_alike(text)) << quoted(last);
  }
}

// yaml-cpp takes a quoted string left open at the very end as closed there; a part must not.
TEST(ParallelParse, QuoteLeftOpenInTheLastStepParsesAlike) {
  std::string text = plan_around("", 10, 0) + "  - id: last\n    description: \"never closed\n";
  ASSERT_TRUE(is_cut_before(text, "  - id: last"));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, EmptyLastItemWithoutANewlineParsesAlike) {
  std::string text = plan_around("", 10, 0) + "  -";
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, SyntaxErrorInALateStepIsReportedAsWhole) {
  for (const char* broken :
       {"  - id: bad\n    with: {command: [a, b}\n", "  - id: bad\n    description: \"never closed\n",
        "  - id: bad\n    with: [a, b\n", "  - id: bad\n     type: run\n",
        "  - id: bad\n    with: {a: 1\n  - id: next\n", "  - id: bad\n    ,\n"}) {
    std::string text = plan_around(broken, 8, 2);
    ASSERT_TRUE(is_cut_before(text, "  - id: bad")) << broken;
    Parse whole = parse(text, 1);
    EXPECT_TRUE(whole.diagnostics.has_errors()) << broken;
    EXPECT_TRUE(parses_alike(text)) << broken;
  }
}

TEST(ParallelParse, SyntaxErrorInTheLastStepIsReportedAsWhole) {
  std::string text = plan_around("", 10, 0) + "  - id: bad\n    with: {command: [a, b}\n";
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parse(text, 1).diagnostics.has_errors());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, DuplicateKeyInALateStepIsReportedAsWhole) {
  std::string text = plan_around("  - id: twice\n    type: run\n    type: run\n", 8, 2);
  ASSERT_TRUE(is_cut_before(text, "  - id: twice"));
  Parse whole = parse(text, 1);
  EXPECT_TRUE(mentions(whole.diagnostics, "duplicate key 'type'"));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, KeyThatIsNotAScalarInALateStepIsReportedAsWhole) {
  std::string text = plan_around("  - id: odd\n    ? [a, b]\n    : c\n", 8, 2);
  EXPECT_TRUE(parse(text, 1).diagnostics.has_errors());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, TabsParseAlike) {
  std::string text =
      plan_repeating("  - id: sN\n    type:\trun\t# tab\n    with: {command: [a,\tb]}\n    description: \"\ta\"\n", 30);
  ASSERT_TRUE(is_cut(text));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, TabIndentationInALateStepIsReportedAsWhole) {
  std::string text = plan_around("  - id: tabbed\n\ttype: run\n", 8, 2);
  EXPECT_TRUE(parse(text, 1).diagnostics.has_errors());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, DeepNestingInALateStepIsReportedAsWhole) {
  for (size_t depth : {998, 999, 1000, 1001, 2500}) {
    std::string text =
        plan_around("  - id: deep\n    with: " + std::string(depth, '[') + std::string(depth, ']') + "\n", 30, 2);
    ASSERT_TRUE(is_cut_before(text, "  - id: deep"));
    EXPECT_TRUE(parses_alike(text)) << depth << " levels";
  }
}

// "Billion laughs": nine levels of ten aliases each of the level before, 10^9 scalars.
std::string laughing_step() {
  std::string step = "  - id: laughs\n    a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    std::string alias = std::string("*") + static_cast<char>(level - 1);
    step += std::string("    ") + level + ": &" + level + " [" + alias;
    for (int i = 1; i < 10; ++i) step += ", " + alias;
    step += "]\n";
  }
  return step;
}

TEST(ParallelParse, RunawayAliasExpansionInALateStepIsReportedAsWhole) {
  std::string text = plan_around(laughing_step(), 8, 2);
  ASSERT_TRUE(is_cut_before(text, "  - id: laughs"));
  EXPECT_TRUE(mentions(parse(text, 1).diagnostics, "too large"));
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, SecondDocumentIsReportedAsWhole) {
  std::string text = plan_around("", 10, 0) + "---\nname: second\n";
  EXPECT_TRUE(parse(text, 1).diagnostics.has_errors());
  EXPECT_TRUE(parses_alike(text));
}

TEST(ParallelParse, DuplicateStepsKeyIsReportedAsWhole) {
  std::string text = "planrun: 1\nsteps: []\n" + plan_around("", 10, 0).substr(std::string("planrun: 1\n").size());
  EXPECT_TRUE(mentions(parse(text, 1).diagnostics, "duplicate key 'steps'"));
  EXPECT_TRUE(parses_alike(text));
}

}  // namespace
}  // namespace planrun
