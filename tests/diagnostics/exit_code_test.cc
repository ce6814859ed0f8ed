#include "interpreter/diagnostics/exit_code.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace planrun {
namespace PLANRUN_UNITY_ID {

// README's "### Exit codes" table: code -> the text of its meaning cell.
std::map<int, std::string> readme_exit_code_table() {
  std::ifstream in(std::string(PLANRUN_SOURCE_DIR) + "/README.md");
  std::string line;
  while (std::getline(in, line) && line != "### Exit codes") {
  }
  std::map<int, std::string> table;
  std::regex row(R"(\| (\d+) \| (.*) \|)");
  while (std::getline(in, line) && !line.starts_with("#")) {
    std::smatch match;
    if (std::regex_match(line, match, row)) table[std::stoi(match[1])] = match[2];
  }
  return table;
}

TEST(ExitCode, TheReadmeTableGivesEveryCodeWithItsMeaning) {
  std::map<int, std::string> table = readme_exit_code_table();
  ASSERT_FALSE(table.empty()) << "no table under \"### Exit codes\" in README.md";
  for (ExitCode code : documented_exit_codes()) {
    ASSERT_TRUE(table.count(code)) << "README.md's exit code table lacks " << code;
    EXPECT_TRUE(table[code].starts_with(exit_code_meaning(code)))
        << "README.md says " << code << " means '" << table[code] << "', planrun says '" << exit_code_meaning(code)
        << "'";
  }
}

TEST(ExitCode, TheReadmeTableHasNoCodePlanrunDoesNotKnow) {
  for (const auto& [code, meaning] : readme_exit_code_table())
    EXPECT_NE(exit_code_meaning(static_cast<ExitCode>(code)), nullptr) << code << " (" << meaning << ")";
}

TEST(ExitCode, EveryNamedCodeIsDocumentedOnce) {
  std::vector<ExitCode> codes = documented_exit_codes();
  for (ExitCode code : {kExitSuccess, kExitStepFailed, kExitNotCanonical, kExitInvalid, kExitPrecondition,
                        kExitLocked, kExitStateFailed, kExitInternalError, kExitInterrupted})
    EXPECT_EQ(std::count(codes.begin(), codes.end(), code), 1) << code;
  EXPECT_EQ(exit_code_meaning(static_cast<ExitCode>(6)), nullptr);
}

}  // namespace
}  // namespace planrun
