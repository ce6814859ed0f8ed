#include "interpreter/frontend/yaml_frontend.h"

#include <gtest/gtest.h>

#include <random>

namespace planrun {
namespace PLANRUN_UNITY_ID {

struct Parsed {
  std::optional<ast::Node> root;
  Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
  Parsed parsed;
  parsed.root = parse_yaml("plan.yaml", text, parsed.diagnostics);
  return parsed;
}

// "LINE:COL" of a node, to keep expectations one line each.
std::string at(const ast::Node& node) {
  return std::to_string(node.location.line) + ":" + std::to_string(node.location.column);
}

std::string rendered(const Parsed& parsed, const std::string& text) {
  SourceFiles sources;
  sources.add("plan.yaml", text);
  std::string out;
  for (const Diagnostic& d : parsed.diagnostics.sorted()) out += render(d, sources);
  return out;
}

const ast::Node& key(const ast::Node& mapping, size_t i) { return mapping.entries.at(i).first; }
const ast::Node& value(const ast::Node& mapping, size_t i) { return mapping.entries.at(i).second; }

TEST(YamlFrontend, LocatesKeysValuesAndBlockItems) {
  Parsed p = parse("name: demo\nsteps:\n  - id: a\n    type: run\n  - id: b\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diagnostics.all().empty());
  const ast::Node& root = *p.root;
  ASSERT_TRUE(root.is_mapping());
  EXPECT_EQ(at(root), "1:1");
  EXPECT_EQ(root.location.file, "plan.yaml");
  EXPECT_EQ(at(key(root, 0)), "1:1");
  EXPECT_EQ(at(value(root, 0)), "1:7");
  EXPECT_EQ(value(root, 0).scalar, "demo");
  const ast::Node& steps = value(root, 1);
  ASSERT_TRUE(steps.is_sequence());
  ASSERT_EQ(steps.items.size(), 2u);
  EXPECT_EQ(at(steps), "3:3");
  EXPECT_EQ(at(steps.items[0]), "3:5");
  EXPECT_EQ(at(key(steps.items[0], 1)), "4:5");
  EXPECT_EQ(at(value(steps.items[0], 1)), "4:11");
  EXPECT_EQ(at(value(steps.items[1], 0)), "5:9");
}

TEST(YamlFrontend, LocatesFlowCollectionsAtTheirBrackets) {
  //                         1         2         3
  //                123456789012345678901234567890123456
  Parsed p = parse("with: {pid_files: [\"a\", b], ports: [9443]}\n");
  ASSERT_TRUE(p.root);
  const ast::Node& with = value(*p.root, 0);
  ASSERT_TRUE(with.is_mapping());
  EXPECT_EQ(at(with), "1:7");
  EXPECT_EQ(at(key(with, 0)), "1:8");
  const ast::Node& pid_files = value(with, 0);
  ASSERT_TRUE(pid_files.is_sequence());
  EXPECT_EQ(at(pid_files), "1:19");
  EXPECT_EQ(at(pid_files.items[0]), "1:20");  // at the opening quote
  EXPECT_EQ(at(pid_files.items[1]), "1:25");
  EXPECT_EQ(at(key(with, 1)), "1:29");
  EXPECT_EQ(at(value(with, 1)), "1:36");
  EXPECT_EQ(at(value(with, 1).items[0]), "1:37");
}

TEST(YamlFrontend, KeepsMappingEntriesInFileOrder) {
  Parsed p = parse("z: 1\na: 2\nm: 3\n");
  ASSERT_TRUE(p.root);
  ASSERT_EQ(p.root->entries.size(), 3u);
  EXPECT_EQ(key(*p.root, 0).scalar, "z");
  EXPECT_EQ(key(*p.root, 1).scalar, "a");
  EXPECT_EQ(key(*p.root, 2).scalar, "m");
  ASSERT_NE(p.root->find("m"), nullptr);
  EXPECT_EQ(p.root->find("m")->scalar, "3");
}

TEST(YamlFrontend, TellsQuotedFromPlainScalars) {
  Parsed p = parse("a: \"42\"\nb: 42\nc: 'true'\nd: true\ne: |\n  text\nf: !!str 7\n");
  ASSERT_TRUE(p.root);
  const ast::Node& root = *p.root;
  EXPECT_TRUE(root.find("a")->quoted);
  EXPECT_EQ(root.find("a")->scalar, "42");
  EXPECT_FALSE(root.find("b")->quoted);
  EXPECT_TRUE(root.find("c")->quoted);
  EXPECT_FALSE(root.find("d")->quoted);
  EXPECT_TRUE(root.find("e")->quoted);  // a block scalar is text
  EXPECT_EQ(root.find("e")->scalar, "text\n");
  EXPECT_TRUE(root.find("f")->quoted);  // explicitly tagged a string
  EXPECT_FALSE(key(root, 0).quoted);
}

TEST(YamlFrontend, ContentOffsetMapsTextOntoColumnsOnlyWhenItCan) {
  Parsed p = parse(
      "plain: ${old_home}/x\n"
      "double: \"${old_home}/x\"\n"
      "single: '${a}'\n"
      "escaped: \"a\\tb\"\n"
      "doubled: 'it''s'\n"
      "folded: \"one\n  two\"\n"
      "block: |\n  ${a}\n"
      "multi: one\n  two\n");
  ASSERT_TRUE(p.root);
  const ast::Node& root = *p.root;
  EXPECT_EQ(root.find("plain")->content_offset, 0);
  EXPECT_EQ(root.find("double")->content_offset, 1);
  EXPECT_EQ(root.find("single")->content_offset, 1);
  EXPECT_EQ(root.find("escaped")->content_offset, -1);
  EXPECT_EQ(root.find("escaped")->scalar, "a\tb");
  EXPECT_EQ(root.find("doubled")->content_offset, -1);
  EXPECT_EQ(root.find("doubled")->scalar, "it's");
  EXPECT_EQ(root.find("folded")->content_offset, -1);
  EXPECT_EQ(root.find("block")->content_offset, -1);
  EXPECT_EQ(root.find("multi")->content_offset, -1);
  EXPECT_EQ(root.find("multi")->scalar, "one two");
  // "${old_home}" starts at column 10 of `double: "${old_home}/x"`; its name at 12.
  EXPECT_EQ(root.find("double")->location_of(2), (SourceLocation{"plan.yaml", 2, 12}));
  EXPECT_EQ(root.find("plain")->location_of(2), (SourceLocation{"plan.yaml", 1, 10}));
}

TEST(YamlFrontend, PointsPastAnchorsAndTagsAtTheContent) {
  Parsed p = parse("a: &x \"v\"\nb: *x\nc: !!str  7\nd: &m {k: 1}\ne: &blk\n  k: 2\n");
  ASSERT_TRUE(p.root);
  const ast::Node& root = *p.root;
  EXPECT_EQ(at(*root.find("a")), "1:7");
  EXPECT_EQ(root.find("a")->content_offset, 1);
  EXPECT_EQ(root.find("b")->scalar, "v");  // aliases are resolved
  EXPECT_EQ(at(*root.find("c")), "3:11");
  EXPECT_EQ(root.find("c")->content_offset, 0);
  EXPECT_EQ(at(*root.find("d")), "4:7");
  // A block map starts on the next line; the anchor is where the author wrote the value.
  EXPECT_EQ(at(*root.find("e")), "5:4");
  EXPECT_EQ(root.find("e")->find("k")->scalar, "2");
}

TEST(YamlFrontend, EmptyAndNullValuesAreNullNodesWhereTheAuthorLeftThem) {
  Parsed p = parse("a:\nb: ~\nc:\n  - x\n  -\n  - # nothing here\n  - null\n");
  ASSERT_TRUE(p.root);
  const ast::Node& root = *p.root;
  EXPECT_TRUE(root.find("a")->is_null());
  EXPECT_EQ(at(*root.find("a")), "1:1");  // an empty value: its key
  EXPECT_TRUE(root.find("b")->is_null());
  EXPECT_EQ(at(*root.find("b")), "2:4");
  const ast::Node& items = *root.find("c");
  ASSERT_EQ(items.items.size(), 4u);
  EXPECT_TRUE(items.items[1].is_null());
  EXPECT_EQ(at(items.items[1]), "5:3");  // an empty item: its dash
  EXPECT_EQ(at(items.items[2]), "6:3");
  EXPECT_TRUE(items.items[3].is_null());
  EXPECT_EQ(at(items.items[3]), "7:5");
}

TEST(YamlFrontend, EmptyDocumentIsNullAtTheStart) {
  for (std::string text : {"", "# only a comment\n", "\n\n"}) {
    Parsed p = parse(text);
    ASSERT_TRUE(p.root) << text;
    EXPECT_TRUE(p.root->is_null());
    EXPECT_EQ(p.root->location, (SourceLocation{"plan.yaml", 1, 1}));
    EXPECT_TRUE(p.diagnostics.all().empty());
  }
}

TEST(YamlFrontend, HandlesCrlfAndByteOrderMark) {
  Parsed crlf = parse("a: 1\r\nb: \"x\"\r\n");
  ASSERT_TRUE(crlf.root);
  EXPECT_EQ(at(value(*crlf.root, 1)), "2:4");
  EXPECT_EQ(value(*crlf.root, 1).content_offset, 1);
  Parsed bom = parse("\xEF\xBB\xBF" "a: 'x'\n");
  ASSERT_TRUE(bom.root);
  EXPECT_EQ(at(key(*bom.root, 0)), "1:1");
  EXPECT_EQ(at(value(*bom.root, 0)), "1:4");
  EXPECT_EQ(value(*bom.root, 0).content_offset, 1);
}

TEST(YamlFrontend, DuplicateKeyIsAnErrorAtTheSecondAndTheFirstStays) {
  std::string text = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n";
  Parsed p = parse(text);
  ASSERT_TRUE(p.root);
  EXPECT_EQ(rendered(p, text),
            "plan.yaml:4:3: error: duplicate key 'x'\n  x: 2\n  ^\n"
            "plan.yaml:5:1: error: duplicate key 'a'\na: 3\n^\n");
  ASSERT_EQ(p.root->entries.size(), 2u);
  EXPECT_EQ(p.root->find("a")->scalar, "1");
  EXPECT_EQ(p.root->find("b")->find("x")->scalar, "1");
}

TEST(YamlFrontend, KeyThatIsNotAScalarIsAnError) {
  Parsed p = parse("? [a, b]\n: c\nd: 1\n");
  ASSERT_TRUE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "a map key must be a plain name, not a list");
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 1, 3}));
  EXPECT_EQ(p.root->entries.size(), 1u);
}

TEST(YamlFrontend, SyntaxErrorIsADiagnosticAtItsPosition) {
  std::string text = "steps:\n  - id: a\n bad: 1\n";
  Parsed p = parse(text);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(rendered(p, text), "plan.yaml:3:2: error: end of map not found\n bad: 1\n ^\n");

  Parsed flow = parse("a: [1, 2\nb: 3\n");
  EXPECT_FALSE(flow.root);
  ASSERT_EQ(flow.diagnostics.all().size(), 1u);
  EXPECT_EQ(flow.diagnostics.all()[0].message, "end of sequence flow not found");
  EXPECT_EQ(flow.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 2, 2}));

  Parsed alias = parse("a: *nowhere\n");
  EXPECT_FALSE(alias.root);
  ASSERT_EQ(alias.diagnostics.all().size(), 1u);
  EXPECT_EQ(alias.diagnostics.all()[0].message, "the referenced anchor is not defined");
  EXPECT_EQ(alias.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 1, 4}));
}

TEST(YamlFrontend, SecondDocumentIsAnErrorAtItsMarker) {
  Parsed p = parse("a: 1\n# next\n---\nb: 2\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 3, 1}));
  EXPECT_EQ(p.diagnostics.all()[0].message, "a plan file holds one YAML document, but a second one starts here");
  // A leading `---` opens the first document and is fine.
  Parsed one = parse("---\na: 1\n");
  ASSERT_TRUE(one.root);
  EXPECT_EQ(at(*one.root), "2:1");
}

TEST(YamlFrontend, TextAfterTheDocumentEndsIsAnError) {
  Parsed p = parse("- a\nb: 1\n");  // yaml-cpp reads this as two documents
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "unexpected text after the end of the document (check the indentation)");
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 2, 1}));
}

TEST(YamlFrontend, StrayCommaIsAnErrorNotAnEndlessLoop) {
  Parsed p = parse(",\n");  // yaml-cpp 0.7 would start empty documents here forever
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "unexpected ','");
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 1, 1}));
}

TEST(YamlFrontend, DeepNestingIsAnError) {
  Parsed p = parse(std::string(5000, '['));
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "the document is nested too deeply");
}

TEST(YamlFrontend, AliasCycleIsAnErrorNotACrash) {
  Parsed p = parse("x: &a [*a]\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "an alias refers to a node that contains it");
}

TEST(YamlFrontend, AliasExpansionIsBounded) {
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) text += (j ? ", " : "") + prev;
    text += "]\n";
  }
  Parsed p = parse(text);  // 10^9 scalars if expanded
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message,
            "the document is too large: more than 200000 values after expanding aliases");
}

TEST(YamlFrontend, SharedAliasesWithinLimitsAreExpanded) {
  Parsed p = parse("base: &b {retry: 3}\none: *b\ntwo: *b\n");
  ASSERT_TRUE(p.root);
  EXPECT_EQ(p.root->find("two")->find("retry")->scalar, "3");
}

TEST(YamlFrontend, ParsingStopsWhereASecondDocumentStarts) {
  Parsed p = parse("a: 1\n---\nb: [\n");  // the second document is never read, so its error is not found
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "a plan file holds one YAML document, but a second one starts here");
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 2, 1}));
}

TEST(YamlFrontend, SyntaxErrorLaterInTheFileIsReportedAlone) {
  Parsed p = parse("a: 1\na: 2\nb: [\n");
  EXPECT_FALSE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "end of sequence flow not found");
}

TEST(YamlFrontend, DuplicateKeysAreFoundInLongMapsToo) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k3: again\nk39: again\n";
  Parsed p = parse(text);
  ASSERT_TRUE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 2u);
  EXPECT_EQ(p.diagnostics.all()[0].message, "duplicate key 'k3'");
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 41, 1}));
  EXPECT_EQ(p.diagnostics.all()[1].message, "duplicate key 'k39'");
  ASSERT_EQ(p.root->entries.size(), 40u);
  EXPECT_EQ(p.root->find("k3")->scalar, "3");
}

TEST(YamlFrontend, MistakesInsideAnAnchorAreReportedOnceWhereWritten) {
  Parsed p = parse("base: &b {a: 1, a: 2}\none: *b\ntwo: *b\n");
  ASSERT_TRUE(p.root);
  ASSERT_EQ(p.diagnostics.all().size(), 1u);
  EXPECT_EQ(p.diagnostics.all()[0].location, (SourceLocation{"plan.yaml", 1, 17}));
  EXPECT_EQ(p.root->find("two")->find("a")->scalar, "1");
  EXPECT_EQ(at(*p.root->find("two")->find("a")), "1:14");  // a copy points where the original is
}

TEST(YamlFrontend, AliasOfAnEmptyValueIsWhereTheAliasIs) {
  Parsed p = parse("a: &n\nb: *n\nc:\n  - *n\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.root->find("b")->is_null());
  EXPECT_EQ(at(*p.root->find("b")), "2:1");  // at its key, as an empty value written there would be
}

TEST(YamlFrontend, NestingThroughAliasesIsBounded) {
  // yaml-cpp itself stops at about 500 nested brackets; aliases can nest deeper than the text.
  auto nest = [](int depth, const std::string& inside) {
    return std::string(depth, '[') + inside + std::string(depth, ']');
  };
  std::string text = "a: &d " + nest(400, "") + "\nb: &e " + nest(400, "*d") + "\n";
  Parsed within = parse(text);
  EXPECT_TRUE(within.root);
  Parsed beyond = parse(text + "c: " + nest(300, "*e") + "\n");
  EXPECT_FALSE(beyond.root);
  ASSERT_EQ(beyond.diagnostics.all().size(), 1u);
  EXPECT_EQ(beyond.diagnostics.all()[0].message, "the document is nested too deeply");
}

TEST(YamlFrontend, NeverThrowsOnGarbage) {
  std::vector<std::string> nasty = {
      "[",         "]",           "{",          "}",          "{a: [}",      "a: b: c",
      "- a\nb: 1", "\t- a",       "a: \"x",     "a: 'x",      "&",           "*",
      "!",         "!!",          "? ",         ": ",         "---\n---\n",  "...",
      "%YAML 9.9\n---\na: 1",     "%FOO\n",     "a: |\n x\n y\n  z", "a: >-\n",
      std::string("a: \0b", 5),   "\xff\xfe\x00a",  "\xef\xbb\xbf", "a:\n  - b\n   - c",
      "\"\\u12\"", "\"\\x\"",     "@a",         "`a`",        "a: &x\nb: *x", "- - - - -",
      "{a: 1, a: 2}",             "[a, {b: [c, {d: *e}]}]",   "\r\r\r",      ": : :"};
  nasty.push_back(std::string(5000, '['));
  nasty.push_back(std::string(3000, '{'));
  std::string deep;
  for (int i = 0; i < 1500; ++i) deep += std::string(i, ' ') + "- \n";
  nasty.push_back(deep);
  std::mt19937 random(12345);
  const std::string alphabet = "ab:-[]{},&*!|>'\"#?%@` \n\t\\~0";
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += alphabet[random() % alphabet.size()];
    nasty.push_back(text);
  }
  for (const std::string& text : nasty) {
    Diagnostics diagnostics;
    std::optional<ast::Node> root;
    EXPECT_NO_THROW(root = parse_yaml("plan.yaml", text, diagnostics)) << text;
    // Either a tree or a reason, never silence.
    EXPECT_TRUE(root.has_value() || diagnostics.has_errors()) << text;
  }
}

}  // namespace
}  // namespace planrun
