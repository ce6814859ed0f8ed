#include <gtest/gtest.h>

#include "interpreter/steps/update_config/config_changes.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string changed(std::string_view text, std::vector<ConfigAssignment> assignments) {
  return apply_edits(text, properties_changes(text, assignments).edits);
}

TEST(PropertiesChanges, OnlyTheValueOfTheKeyChanges) {
  std::string text = "# a comment: port=1\n! another\nport = 9443\nhost:localhost\nname   value with spaces\n";
  EXPECT_EQ(changed(text, {{"port", Value("9444")}, {"name", Value("other")}}),
            "# a comment: port=1\n! another\nport = 9444\nhost:localhost\nname   other\n");
}

TEST(PropertiesChanges, EscapedKeysAreMatchedByTheirMeaning) {
  std::string text = "a\\ key\\:x=1\n\\u0070ort=2\n";
  EXPECT_EQ(changed(text, {{"a key:x", Value("3")}, {"port", Value("4")}}), "a\\ key\\:x=3\n\\u0070ort=4\n");
}

TEST(PropertiesChanges, AContinuedValueIsReplacedWhole) {
  std::string text = "list = a, \\\n       b, \\\n       c\nnext=1\n";
  EXPECT_EQ(changed(text, {{"list", Value("x")}}), "list = x\nnext=1\n");
}

TEST(PropertiesChanges, AContinuedCommentIsNotContinued) {
  std::string text = "# ends with \\\nkey=1\n";
  EXPECT_EQ(changed(text, {{"key", Value("2")}}), "# ends with \\\nkey=2\n");
}

TEST(PropertiesChanges, ValuesAreEscapedAsJavaReadsThem) {
  EXPECT_EQ(changed("k=v\n", {{"k", Value(" C:\\dir\tnew\nline é€😀")}}),
            "k=\\ C:\\\\dir\\tnew\\nline \\u00E9\\u20AC\\uD83D\\uDE00\n");
}

TEST(PropertiesChanges, EveryDefinitionOfTheKeyChangesAndCrLfStays) {
  EXPECT_EQ(changed("k=1\r\nk=2\r\n", {{"k", Value("3")}}), "k=3\r\nk=3\r\n");
}

TEST(PropertiesChanges, AMissingKeyIsAnErrorUnlessOptional) {
  try {
    properties_changes("a=1\n", {{"b", Value("2")}});
    FAIL();
  } catch (const ConfigEditError& error) {
    EXPECT_STREQ(error.what(), "property 'b' is not in the file");
  }
  EXPECT_EQ(properties_changes("a=1\n", {{"b", Value("2"), true}}).skipped, std::vector<std::string>{"b"});
}

TEST(PropertiesChanges, AKeyWithoutValueAtTheEndOfTheFileGetsOne) {
  EXPECT_EQ(changed("a=1\nempty", {{"empty", Value("x")}}), "a=1\nemptyx");
  EXPECT_EQ(changed("a=1\nempty=", {{"empty", Value("x")}}), "a=1\nempty=x");
}

}  // namespace
}  // namespace planrun
