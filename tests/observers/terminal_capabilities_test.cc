#include "interpreter/observers/terminal_capabilities.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/observers/memory_stream.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TerminalCapabilities::Environment environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  };
}

bool unicode_with(std::map<std::string, std::string> variables) {
  testing::MemoryStream stream;
  return TerminalCapabilities::detect(stream.file(), environment(std::move(variables))).unicode;
}

TEST(TerminalCapabilities, ANonTerminalGetsNoColorsNorBars) {
  testing::MemoryStream stream;
  auto capabilities = TerminalCapabilities::detect(stream.file(), environment({{"TERM", "xterm"}}));
  EXPECT_FALSE(capabilities.interactive);
  EXPECT_FALSE(capabilities.ansi);
  EXPECT_FALSE(capabilities.color);
  EXPECT_EQ(capabilities.width, 80);
}

TEST(TerminalCapabilities, TheFirstLocaleVariableSetDecidesUnicode) {
  EXPECT_TRUE(unicode_with({{"LANG", "en_US.UTF-8"}}));
  EXPECT_TRUE(unicode_with({{"LC_CTYPE", "de_DE.utf8"}, {"LANG", "C"}}));
  EXPECT_FALSE(unicode_with({{"LC_ALL", "C"}, {"LANG", "en_US.UTF-8"}}));
  EXPECT_FALSE(unicode_with({{"LC_ALL", ""}, {"LANG", "POSIX"}}));
  EXPECT_FALSE(unicode_with({}));
}

}  // namespace
}  // namespace planrun
