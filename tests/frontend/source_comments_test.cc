#include "interpreter/frontend/source_comments.h"

#include <gtest/gtest.h>

#include "interpreter/frontend/yaml_frontend.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string listed(const std::vector<SourceComment>& comments) {
  std::string out;
  for (const SourceComment& c : comments)
    out += std::to_string(c.line) + (c.own_line ? " own:" : " end:") + c.text + "\n";
  return out;
}

std::string yaml_comments(const std::string& text) {
  Diagnostics diagnostics;
  auto document = parse_yaml("p.yaml", text, diagnostics);
  EXPECT_TRUE(document && diagnostics.all().empty());
  return document ? listed(yaml_text_comments(text, *document)) : "";
}

TEST(SourceComments, PlanCommentsStartOutsideStrings) {
  EXPECT_EQ(listed(plan_text_comments("# top  \na = \"x # not\"  # yes\nb = \"\\\"#\" #\n  # indented\n")),
            "1 own: top\n2 end: yes\n3 end:\n4 own: indented\n");
}

TEST(SourceComments, YamlHashesInsideQuotedScalarsAreText) {
  EXPECT_EQ(yaml_comments("a: \"x # no\"  # one\nb: 'it''s # no' # two\nc: x#y  # three\n"),
            "1 end: one\n2 end: two\n3 end: three\n");
}

TEST(SourceComments, YamlHashesInsideMultiLineStringsAreText) {
  EXPECT_EQ(yaml_comments("a: \"first\n  # still the string\"\nb: |  # on the indicator\n  # text of b\n    # more\n"
                          "# a comment\nc: 1\n"),
            "3 end: on the indicator\n6 own: a comment\n");
}

TEST(SourceComments, YamlFlowCollectionsAndLists) {
  EXPECT_EQ(yaml_comments("a: [1, \"#\", 2]  # x\nsteps:\n  # before\n  - id: a  # after\n"),
            "1 end: x\n3 own: before\n4 end: after\n");
}

}  // namespace
}  // namespace planrun
