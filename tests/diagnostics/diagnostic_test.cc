#include "interpreter/diagnostics/diagnostic.h"

#include <gtest/gtest.h>

#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(Diagnostic, RendersLocationSourceLineAndCaret) {
  SourceFiles sources;
  sources.add("p.yaml", "steps:\n  - type: copy-dirr\n");
  Diagnostic d{Severity::Error, {"p.yaml", 2, 11}, "unknown step type 'copy-dirr'"};
  EXPECT_EQ(render(d, sources), "p.yaml:2:11: error: unknown step type 'copy-dirr'\n  - type: copy-dirr\n          ^\n");
}

TEST(Diagnostic, CaretKeepsTabsAndWholeFileMessagesHaveNoSourceLine) {
  SourceFiles sources;
  sources.add("p.yaml", "\tkey: x\r\n");
  EXPECT_EQ(render({Severity::Warning, {"p.yaml", 1, 3}, "w"}, sources), "p.yaml:1:3: warning: w\n\tkey: x\n\t ^\n");
  EXPECT_EQ(render({Severity::Error, {"p.yaml", 0, 0}, "cannot read the plan file"}, sources),
            "p.yaml: error: cannot read the plan file\n");
}

TEST(Diagnostic, ControlBytesAndNonUtf8AreEscapedAndTheCaretStaysUnderItsByte) {
  SourceFiles sources;
  // A binary file given as a plan: an escape sequence, a NUL, a lone 0xff, then the mistake.
  sources.add("p.yaml", std::string("\x1b[2J\0\xff k: ü!", 13));
  EXPECT_EQ(render({Severity::Error, {"p.yaml", 1, 11}, "e"}, sources),
            "p.yaml:1:11: error: e\n\\x1b[2J\\x00\\xff k: ü!\n"
            "                   ^\n");
}

TEST(Diagnostic, SortedByFileLineColumnAndErrorsCounted) {
  Diagnostics diagnostics;
  diagnostics.warning({"b.yaml", 1, 1}, "third");
  diagnostics.error({"a.yaml", 2, 5}, "second");
  diagnostics.error({"a.yaml", 2, 1}, "first");
  auto sorted = diagnostics.sorted();
  EXPECT_EQ(sorted[0].message, "first");
  EXPECT_EQ(sorted[1].message, "second");
  EXPECT_EQ(sorted[2].message, "third");
  EXPECT_TRUE(diagnostics.has_errors());
  Diagnostics only_warnings;
  only_warnings.warning({"a", 1, 1}, "w");
  EXPECT_FALSE(only_warnings.has_errors());
}

TEST(DidYouMean, SuggestsNearMissesIncludingSwapsButNotFarNames) {
  EXPECT_EQ(closest_match("copy-dirr", {"copy-dir", "copy-db"}), "copy-dir");
  EXPECT_EQ(closest_match("prot", {"port", "path"}), "port");
  EXPECT_EQ(closest_match("database", {"run", "confirm"}), "");
  EXPECT_EQ(did_you_mean("stpes", {"steps"}), " (did you mean 'steps'?)");
  EXPECT_EQ(did_you_mean("zzz", {"steps"}), "");
}

}  // namespace
}  // namespace planrun
