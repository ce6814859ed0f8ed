// A plan of thousands of steps binds in slices on several threads; the graph and the
// diagnostics must be those of one pass in file order.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::compile_text;
using testing::Compiled;

constexpr size_t kSteps = 3000;

// A step of the chain that bench/check_10k_steps.sh generates, `needs` and `with` as flow text.
struct ChainStep {
  std::string needs;  // empty: no `needs` line
  std::string with;
};

std::string echo_command(size_t n, const std::string& name = "greeting") {
  return "command: [\"/bin/echo\", \"${" + name + "} " + std::to_string(n) + "\"]";
}

ChainStep chain_step(size_t n) {
  return {n > 1 ? "[s" + std::to_string(n - 1) + "]" : "", "{" + echo_command(n) + "}"};
}

// The chain s1 <- s2 <- ... <- s`steps`, with the steps in `changed` written as given there.
std::string chain_plan(size_t steps, const std::map<size_t, ChainStep>& changed = {}) {
  std::string text = "planrun: 1\nname: chain\nparams:\n  greeting: {type: string, default: hello}\nsteps:\n";
  for (size_t n = 1; n <= steps; ++n) {
    auto found = changed.find(n);
    const ChainStep step = found == changed.end() ? chain_step(n) : found->second;
    text += "  - id: s" + std::to_string(n) + "\n    type: run\n";
    if (!step.needs.empty()) text += "    needs: " + step.needs + "\n";
    text += "    with: " + step.with + "\n";
  }
  return text;
}

// "LINE:COL" of the first occurrence of `marker` in `text`.
std::string position_of(const std::string& text, const std::string& marker) {
  size_t offset = text.find(marker);
  if (offset == std::string::npos) return "nowhere: " + marker;
  size_t line_start = text.rfind('\n', offset) + 1;  // npos + 1 is 0, the first line
  auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

// The diagnostics sorted by position, one "LINE:COL: error: MESSAGE" each.
std::vector<std::string> findings(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.sorted())
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " +
                  (d.severity == Severity::Error ? "error: " : "warning: ") + d.message);
  return out;
}

// The line of each `- id:` in the text, in file order.
std::vector<int> step_lines(const std::string& text) {
  std::vector<int> lines;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);)
    if (++number, line.starts_with("  - id: ")) lines.push_back(number);
  return lines;
}

TEST(ParallelCompile, LongChainKeepsFileOrderAndNeeds) {
  std::string text = chain_plan(kSteps);
  Compiled compiled = compile_text(text);
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(compiled.diagnostics, "");
  const std::vector<StepNode>& steps = compiled.graph->steps;
  ASSERT_EQ(steps.size(), kSteps);
  std::vector<int> lines = step_lines(text);
  for (size_t i = 0; i < kSteps; ++i) {
    SCOPED_TRACE("step " + std::to_string(i + 1));
    EXPECT_EQ(steps[i].id, "s" + std::to_string(i + 1));
    EXPECT_EQ(steps[i].type, "run");
    EXPECT_EQ(steps[i].location.line, lines[i]);
    EXPECT_EQ(steps[i].needs, i == 0 ? std::vector<size_t>{} : std::vector<size_t>{i - 1});
    const BoundValue& command = steps[i].with.at("command");
    ASSERT_EQ(command.items.size(), 2u);
    EXPECT_EQ(command.items[1].text, "${greeting} " + std::to_string(i + 1));
  }
}

TEST(ParallelCompile, MistakesInEverySliceAreEachReportedOnceInLineOrder) {
  const std::map<size_t, ChainStep> mistakes = {
      {10, {"[s9]", "{" + echo_command(10) + ", shell: bash}"}},              // an unknown field under with
      {1200, {"[s1199]", "{" + echo_command(1200, "greting") + "}"}},         // an undefined name
      {2100, {"[s2099, nowhere]", "{" + echo_command(2100) + "}"}},           // a needs to an unknown step
      {2999, {"[s2998]", "{" + echo_command(2999) + ", timeout: forever}"}},  // a value of the wrong type
  };
  std::string text = chain_plan(kSteps, mistakes);
  auto error_at = [&](const std::string& marker, const std::string& message) {
    return position_of(text, marker) + ": error: " + message;
  };
  Compiled compiled = compile_text(text);
  EXPECT_FALSE(compiled.graph);
  EXPECT_EQ(findings(compiled.raw),
            (std::vector<std::string>{
                error_at("shell: bash", "unknown field 'shell'"),
                error_at("greting", "undefined name 'greting' (did you mean 'greeting'?)"),
                error_at("nowhere", "step 's2100' needs unknown step 'nowhere'"),
                error_at("forever", "'timeout': expected duration (like 30s, 5m or 1h30m), got string 'forever'"),
            }));
}

TEST(ParallelCompile, FindingsOfAllSlicesJoinInFileOrder) {
  // An undefined name every 97 steps, so that every slice has some.
  std::map<size_t, ChainStep> mistakes;
  for (size_t n = 5; n <= kSteps; n += 97) mistakes[n] = {chain_step(n).needs, "{" + echo_command(n, "nobody") + "}"};
  std::string text = chain_plan(kSteps, mistakes);
  Compiled compiled = compile_text(text);
  const std::vector<Diagnostic>& all = compiled.raw.all();
  ASSERT_EQ(all.size(), mistakes.size()) << compiled.diagnostics;
  std::vector<int> lines = step_lines(text);
  auto mistake = mistakes.begin();
  for (size_t i = 0; i < all.size(); ++i, ++mistake) {
    // Each finding is on the `with` line of its step: after id, type and needs.
    EXPECT_EQ(all[i].location.line, lines[mistake->first - 1] + 3) << "finding #" << i;
    EXPECT_EQ(all[i].message, "undefined name 'nobody'");
  }
}

TEST(ParallelCompile, DuplicateIdsInDifferentSlicesAreReported) {
  // Headers are read in slices of 2,000 steps: the second s5 is in another slice than the first.
  std::string text = chain_plan(kSteps);
  size_t renamed = text.find("  - id: s2500\n");
  ASSERT_NE(renamed, std::string::npos);
  text.replace(renamed, 14, "  - id: s5\n");
  Compiled compiled = compile_text(text);
  EXPECT_FALSE(compiled.graph);
  std::vector<std::string> found = findings(compiled.raw);
  ASSERT_EQ(found.size(), 2u) << compiled.diagnostics;
  std::vector<int> lines = step_lines(text);
  EXPECT_EQ(found[0], std::to_string(lines[2499]) + ":9: error: duplicate step id 's5' (first defined at line " +
                          std::to_string(lines[4]) + ")");
  EXPECT_TRUE(found[1].starts_with(position_of(text, "s2500]") + ": error: step 's2501' needs unknown step 's2500'"))
      << found[1];
}

}  // namespace
}  // namespace planrun
