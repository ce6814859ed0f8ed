#include "interpreter/diagnostics/github_annotation.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(GithubAnnotation, ErrorsAndWarningsPointAtFileLineAndColumn) {
  EXPECT_EQ(render_github({Severity::Error, {"plans/a.yaml", 31, 11}, "unknown step type 'copy-dirr'"}),
            "::error file=plans/a.yaml,line=31,col=11,title=planrun check::unknown step type 'copy-dirr'\n");
  EXPECT_EQ(render_github({Severity::Warning, {"a.yaml", 4, 3}, "no backup"}),
            "::warning file=a.yaml,line=4,col=3,title=planrun check::no backup\n");
}

TEST(GithubAnnotation, AWholeFileFindingHasNoLine) {
  EXPECT_EQ(render_github({Severity::Error, {"a.yaml", 0, 0}, "cannot read the plan file"}),
            "::error file=a.yaml,title=planrun check::cannot read the plan file\n");
}

TEST(GithubAnnotation, EscapesWhatTheRunnerWouldReadAsSyntax) {
  EXPECT_EQ(render_github({Severity::Error, {"odd,name:1%.yaml", 2, 1}, "100% wrong\nsecond line\r"}),
            "::error file=odd%2Cname%3A1%25.yaml,line=2,col=1,title=planrun check::100%25 wrong%0Asecond line%0D\n");
}

}  // namespace
}  // namespace planrun
