#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/expression_grammar.h"

// analyze() finds rules that could loop forever without consuming input (e.g. a star<> over
// something that may match empty); it prints the offending rules when it finds any.
TEST(GrammarAnalyze, TemplateGrammarHasNoProblems) {
  EXPECT_EQ(tao::pegtl::analyze<planrun::grammar::template_text>(), 0u);
}

TEST(GrammarAnalyze, ExpressionGrammarHasNoProblems) {
  EXPECT_EQ(tao::pegtl::analyze<planrun::grammar::expression>(), 0u);
}
