#include "interpreter/steps/update_config/properties_reader.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::vector<PropertiesReader::Entry> entries(std::string_view text) {
  std::vector<PropertiesReader::Entry> read;
  PropertiesReader reader(text);
  for (PropertiesReader::Entry entry; reader.next(entry);) read.push_back(entry);
  return read;
}

TEST(PropertiesReader, KeysAndValuesAreReadAsJavaReadsThem) {
  std::string text = "# comment\n! comment\n\na=1\nb : two words\nc\\ d\\=e   f\\tg\nlist = x, \\\n    y\nempty\n\\u0070ort=\\u00e9\n";
  std::vector<PropertiesReader::Entry> read = entries(text);
  ASSERT_EQ(read.size(), 6u);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& entry : read) pairs.emplace_back(entry.key, entry.value);
  EXPECT_EQ(pairs, (std::vector<std::pair<std::string, std::string>>{
                       {"a", "1"}, {"b", "two words"}, {"c d=e", "f\tg"}, {"list", "x, y"}, {"empty", ""}, {"port", "é"}}));
  EXPECT_EQ(text.substr(read[3].value_start, read[3].value_end - read[3].value_start), "x, \\\n    y");
}

TEST(PropertiesReader, ABackslashThatEndsTheTextStandsForNothing) {
  std::vector<PropertiesReader::Entry> read = entries("k=v\\");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].value, "v");
  EXPECT_EQ(read[0].value_end, 4u);
  read = entries("k\\");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].key, "k");
  EXPECT_EQ(read[0].value_start, 2u);
}

}  // namespace
}  // namespace planrun
