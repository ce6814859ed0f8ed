#include <gtest/gtest.h>

#include "interpreter/render/graph_writer.h"
#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

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

namespace planrun {
namespace PLANRUN_UNITY_ID {

// A used plan's steps are drawn in a box named after the use, the plan's own steps outside.
ActionGraph graph_with_a_use() {
  ActionGraph graph;
  graph.name = "chain";
  for (const char* id : {"first", "to-446.copy", "to-446.start"}) {
    StepNode step;
    step.id = id;
    step.type = "run";
    graph.steps.push_back(step);
  }
  graph.steps[1].needs = {0};
  graph.steps[2].needs = {1};
  return graph;
}

TEST(GraphWriter, MermaidDrawsAUsedPlanAsASubgraph) {
  EXPECT_EQ(write_mermaid(graph_with_a_use()),
            "flowchart TD\n"
            "  s0[\"first<br/><i>run</i>\"]\n"
            "  subgraph u0[\"to-446\"]\n"
            "    s1[\"to-446.copy<br/><i>run</i>\"]\n"
            "    s2[\"to-446.start<br/><i>run</i>\"]\n"
            "  end\n"
            "  s0 --> s1\n"
            "  s1 --> s2\n");
}

TEST(GraphWriter, DotDrawsAUsedPlanAsACluster) {
  EXPECT_EQ(write_dot(graph_with_a_use()),
            "digraph \"chain\" {\n"
            "  rankdir=TB;\n"
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
            "  \"first\" [label=\"first\\nrun\"];\n"
            "  subgraph \"cluster_to-446\" {\n"
            "    label=\"to-446\";\n"
            "    \"to-446.copy\" [label=\"to-446.copy\\nrun\"];\n"
            "    \"to-446.start\" [label=\"to-446.start\\nrun\"];\n"
            "  }\n"
            "  \"first\" -> \"to-446.copy\";\n"
            "  \"to-446.copy\" -> \"to-446.start\";\n"
            "}\n");
}

}  // namespace
}  // namespace planrun
