// Golden tests: each tests/plans/bad/NAME.yaml (or NAME.plan, in the .plan syntax) is compiled and
// its diagnostics, rendered exactly as `planrun check` prints them, must equal
// tests/plans/bad/NAME.expected. To add a case, write the plan and its expected output by hand;
// never copy the output of a run without reading it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "interpreter/loader/plan_loader.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const fs::path kBadPlans = fs::path(PLANRUN_SOURCE_DIR) / "tests/plans/bad";

// The bad plans' file names; the stems are unique, so that each has one .expected file.
std::vector<std::string> bad_plan_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBadPlans))
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".plan")
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Diagnostics name the plan as given; running from the plans' folder keeps the golden files short.
std::string check_output(const std::string& name) {
  fs::path previous = fs::current_path();
  fs::current_path(kBadPlans);
  SourceFiles sources;
  Diagnostics diagnostics;
  load_plan(name, sources, diagnostics);
  fs::current_path(previous);
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.sorted()) out += render(diagnostic, sources);
  return out;
}

class GoldenDiagnostics : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenDiagnostics, MatchExpected) {
  const std::string& name = GetParam();
  fs::path expected = kBadPlans / fs::path(name).replace_extension(".expected");
  ASSERT_TRUE(fs::exists(expected)) << "missing " << expected;
  EXPECT_EQ(check_output(name), read(expected));
}

INSTANTIATE_TEST_SUITE_P(BadPlans, GoldenDiagnostics, ::testing::ValuesIn(bad_plan_names()),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(GoldenDiagnostics, EnoughCases) { EXPECT_GE(bad_plan_names().size(), 30u); }

}  // namespace
}  // namespace planrun
