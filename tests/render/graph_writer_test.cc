#include <gtest/gtest.h>

#include "interpreter/render/graph_writer.h"
#include "tests/support/compile_text.h"

namespace planrun {
namespace {

const char* kPlan = R"(planrun: 1
name: demo
steps:
  - id: a
    type: run
    with: {command: [/bin/true]}
  - id: b
    type: run
    needs: [a]
    when: "${1 == 1}"
    with: {command: [/bin/true]}
)";

TEST(GraphWriter, DotHasNodesEdgesAndDashedConditionalSteps) {
  auto compiled = testing::compile_text(kPlan);
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(write_dot(*compiled.graph),
            "digraph \"demo\" {\n"
            "  rankdir=TB;\n"
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
            "  \"a\" [label=\"a\\nrun\"];\n"
            "  \"b\" [label=\"b\\nrun\", style=\"rounded,dashed\"];\n"
            "  \"a\" -> \"b\";\n"
            "}\n");
}

TEST(GraphWriter, MermaidUsesIndexIdsAndHexagonsForConditionalSteps) {
  auto compiled = testing::compile_text(kPlan);
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(write_mermaid(*compiled.graph),
            "flowchart TD\n"
            "  s0[\"a<br/><i>run</i>\"]\n"
            "  s1{{\"b<br/><i>run</i>\"}}\n"
            "  s0 --> s1\n");
}

}  // namespace
}  // namespace planrun
